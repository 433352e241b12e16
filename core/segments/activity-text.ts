import type { ActivityResult, ActivityStatus, IntervalSource } from './activity';
import { type LocalizedText, type Locale, formatDaysAgo, formatWholeNumber, resolveLocale, selectPlural } from '../locale';

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const ACTIVITY_STATUS_LABELS: Readonly<Record<ActivityStatus, LocalizedText>> = {
  prospect: { en: 'Prospect', 'pt-BR': 'Interessado', 'pt-PT': 'Interessado', es: 'Interesado' },
  new: { en: 'New', 'pt-BR': 'Novo', 'pt-PT': 'Novo', es: 'Nuevo' },
  active: { en: 'Active', 'pt-BR': 'Ativo', 'pt-PT': 'Ativo', es: 'Activo' },
  'at-risk': { en: 'At risk', 'pt-BR': 'Em risco', 'pt-PT': 'Em risco', es: 'En riesgo' },
  inactive: { en: 'Inactive', 'pt-BR': 'Inativo', 'pt-PT': 'Inativo', es: 'Inactivo' },
  lost: { en: 'Lost', 'pt-BR': 'Perdido', 'pt-PT': 'Perdido', es: 'Perdido' },
};

// `{n}` is the interval in whole days, written the locale's way; the form is chosen by Intl.PluralRules on it.
const CADENCE: Readonly<Record<IntervalSource, Readonly<Record<Locale, PluralForms>>>> = {
  own: {
    en: { one: 'buys about every day', other: 'buys about every {n} days' },
    'pt-BR': { one: 'compra todo dia, mais ou menos', other: 'compra a cada {n} dias, mais ou menos' },
    'pt-PT': { one: 'compra todos os dias, mais ou menos', other: 'compra a cada {n} dias, mais ou menos' },
    es: { one: 'compra casi todos los días', other: 'compra cada {n} días, más o menos' },
  },
  store: {
    en: { one: 'bought once; your customers buy about every day', other: 'bought once; your customers buy about every {n} days' },
    'pt-BR': {
      one: 'comprou uma vez; seus clientes compram todo dia, mais ou menos',
      other: 'comprou uma vez; seus clientes compram a cada {n} dias, mais ou menos',
    },
    'pt-PT': {
      one: 'comprou uma vez; os seus clientes compram todos os dias, mais ou menos',
      other: 'comprou uma vez; os seus clientes compram a cada {n} dias, mais ou menos',
    },
    es: {
      one: 'compró una vez; tus clientes compran casi todos los días',
      other: 'compró una vez; tus clientes compran cada {n} días, más o menos',
    },
  },
  default: {
    en: { one: 'bought once; we expect a purchase about every day', other: 'bought once; we expect a purchase about every {n} days' },
    'pt-BR': {
      one: 'comprou uma vez; esperamos uma compra por dia, mais ou menos',
      other: 'comprou uma vez; esperamos uma compra a cada {n} dias, mais ou menos',
    },
    'pt-PT': {
      one: 'comprou uma vez; contamos com uma compra por dia, mais ou menos',
      other: 'comprou uma vez; contamos com uma compra a cada {n} dias, mais ou menos',
    },
    es: {
      one: 'compró una vez; esperamos una compra al día, más o menos',
      other: 'compró una vez; esperamos una compra cada {n} días, más o menos',
    },
  },
};

const LAST_PURCHASE: LocalizedText = {
  en: 'last purchase {ago}',
  'pt-BR': 'última compra {ago}',
  'pt-PT': 'última compra {ago}',
  es: 'última compra {ago}',
};

const NO_PURCHASE: LocalizedText = {
  en: 'hasn’t bought yet',
  'pt-BR': 'ainda não comprou',
  'pt-PT': 'ainda não comprou',
  es: 'todavía no ha comprado',
};

/** The status name in the seller's language. `locale` is any BCP 47 tag; see resolveLocale. */
export function activityStatusLabel(status: ActivityStatus, locale: string): string {
  return ACTIVITY_STATUS_LABELS[status][resolveLocale(locale)];
}

export interface DescribeActivityOptions {
  /** Prefix the status name: "Inactive: buys about every 30 days; …". */
  readonly withStatus?: boolean;
}

/**
 * Why a customer has their status, in the seller's words, e.g. en "buys about every 30 days; last purchase 95 days
 * ago", pt-BR "compra a cada 30 dias, mais ou menos; última compra há 95 dias".
 */
export function describeActivity(result: ActivityResult, locale: string, options: DescribeActivityOptions = {}): string {
  const loc = resolveLocale(locale);
  const { reason } = result;
  let text: string;
  if (reason.intervalDays === null || reason.intervalSource === null || reason.daysSinceLastPurchase === null) {
    text = NO_PURCHASE[loc];
  } else {
    const days = Math.round(reason.intervalDays);
    const cadence = selectPlural(loc, days, CADENCE[reason.intervalSource][loc]).replace('{n}', formatWholeNumber(loc, days));
    const last = LAST_PURCHASE[loc].replace('{ago}', formatDaysAgo(loc, reason.daysSinceLastPurchase));
    text = `${cadence}; ${last}`;
  }
  return options.withStatus ? `${ACTIVITY_STATUS_LABELS[result.status][loc]}: ${text}` : text;
}
