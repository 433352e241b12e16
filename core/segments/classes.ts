import type { IdentityKind, Order } from '../model';
import { type LocalizedText, resolveLocale } from '../locale';

/** Good-practice classes: has the person bought, and once or more than once? */
export const PURCHASE_CLASSES = ['potential', 'new', 'recurring'] as const;
export type PurchaseClass = (typeof PURCHASE_CLASSES)[number];

/** Where the customer came from: a chat app or the store (web store, in person, anything else). */
export const ORIGIN_CLASSES = ['social', 'store'] as const;
export type OriginClass = (typeof ORIGIN_CLASSES)[number];

export type OrderChannel = Order['channel'];

export const SOCIAL_ORDER_CHANNELS: readonly OrderChannel[] = ['whatsapp', 'instagram', 'messenger', 'telegram'];
export const SOCIAL_IDENTITY_KINDS: readonly IdentityKind[] = ['whatsapp', 'whatsapp-lid', 'whatsapp-username', 'instagram', 'messenger', 'telegram'];

export interface CustomerClasses {
  readonly purchase: PurchaseClass;
  readonly origin: OriginClass;
}

export interface ClassInput {
  readonly purchaseDays: number;
  /** Channel of the customer's earliest order of any status (that is how they arrived), null without orders. */
  readonly originChannel: OrderChannel | null;
  readonly identityKinds: readonly IdentityKind[];
}

/**
 * potential = never bought, new = one purchase day, recurring = two or more. Origin is the first order's channel;
 * without orders, a chat identity (WhatsApp, Instagram, Messenger, Telegram) makes the customer social.
 */
export function classifyCustomer(input: ClassInput): CustomerClasses {
  const purchase: PurchaseClass = input.purchaseDays === 0 ? 'potential' : input.purchaseDays === 1 ? 'new' : 'recurring';
  const social =
    input.originChannel !== null
      ? SOCIAL_ORDER_CHANNELS.includes(input.originChannel)
      : input.identityKinds.some((kind) => SOCIAL_IDENTITY_KINDS.includes(kind));
  return sharedClasses(purchase, social ? 'social' : 'store');
}

/** One frozen object per pair of classes, shared by every customer's facts (a handful of pairs, 100k customers). */
const CLASSES = new Map<string, CustomerClasses>();
function sharedClasses(purchase: PurchaseClass, origin: OriginClass): CustomerClasses {
  const key = `${purchase} ${origin}`;
  let found = CLASSES.get(key);
  if (!found) CLASSES.set(key, (found = Object.freeze({ purchase, origin })));
  return found;
}

export const PURCHASE_CLASS_LABELS: Readonly<Record<PurchaseClass, LocalizedText>> = {
  potential: { en: 'Potential', 'pt-BR': 'Potencial', 'pt-PT': 'Potencial', es: 'Potencial' },
  new: { en: 'New', 'pt-BR': 'Novo', 'pt-PT': 'Novo', es: 'Nuevo' },
  recurring: { en: 'Recurring', 'pt-BR': 'Recorrente', 'pt-PT': 'Recorrente', es: 'Recurrente' },
};

export const ORIGIN_CLASS_LABELS: Readonly<Record<OriginClass, LocalizedText>> = {
  social: { en: 'Social', 'pt-BR': 'Redes sociais', 'pt-PT': 'Redes sociais', es: 'Redes sociales' },
  store: { en: 'Store', 'pt-BR': 'Loja', 'pt-PT': 'Loja', es: 'Tienda' },
};

/** Label of a purchase class in the seller's language. */
export function purchaseClassLabel(value: PurchaseClass, locale: string): string {
  return PURCHASE_CLASS_LABELS[value][resolveLocale(locale)];
}

/** Label of an origin class in the seller's language. */
export function originClassLabel(value: OriginClass, locale: string): string {
  return ORIGIN_CLASS_LABELS[value][resolveLocale(locale)];
}
