import { DEFAULT_FUNNEL_STAGES, fillQuickReply, QUICK_REPLY_VARIABLES, funnelStageLabel, type QuickReplyInput, type QuickReplyVariable } from '../../core';
import { formatDate, formatMoney } from '../i18n/format';
import type { Locale, MessageKey } from '../i18n/translate';
import type { CustomerProfile } from '../messaging/protocol';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * What each variable of a quick reply says for this customer, in the seller's locale and time zone: dates on their
 * calendar, money in the currency the customer spends most in (money in two currencies is never added). A value
 * the profile does not have (no purchase yet, no chave PIX) is absent.
 */
export function quickReplyValues(
  profile: { customer: Pick<CustomerProfile['customer'], 'displayName' | 'lastOrderAt'> } & Pick<CustomerProfile, 'totals' | 'pixKey'>,
  locale: Locale, timeZone: string,
): Partial<Record<QuickReplyVariable, string>> {
  const { customer } = profile;
  const main = profile.totals[0];
  const values: Partial<Record<QuickReplyVariable, string>> = {
    nome: customer.displayName.trim().split(/\s+/)[0] ?? customer.displayName,
    nome_completo: customer.displayName,
  };
  if (customer.lastOrderAt) values.ultima_compra = formatDate(customer.lastOrderAt, locale, timeZone);
  if (main) {
    values.ticket_medio = formatMoney(main.averageTicketMinor, main.currency, locale);
    values.total_gasto = formatMoney(main.totalMinor, main.currency, locale);
  }
  if (profile.pixKey) values.chave_pix = profile.pixKey;
  return values;
}

/** A reply's text for this customer, and the variables it uses that have no value for them (to warn the seller). */
export function quickReplyFor(text: string, values: Partial<Record<QuickReplyVariable, string>>): { text: string; missing: QuickReplyVariable[] } {
  const missing = QUICK_REPLY_VARIABLES.filter((name) => values[name] === undefined && text.includes(`{${name}}`));
  return { text: fillQuickReply(text, values), missing };
}

/**
 * Clientela's suggested replies, one per default funnel stage and one for anyone, in the seller's language: the
 * sidebar offers them until the seller writes their own, and Configurações can copy them in to be edited.
 */
export function starterQuickReplies(t: Translate, locale: Locale): QuickReplyInput[] {
  const REPLY_KEYS: Record<(typeof DEFAULT_FUNNEL_STAGES)[number], MessageKey> = {
    discovery: 'reply.discovery',
    consideration: 'reply.consideration',
    decision: 'reply.decision',
    customer: 'reply.customer',
  };
  return [
    ...DEFAULT_FUNNEL_STAGES.map((id) => ({ name: funnelStageLabel(id, locale), stage: { kind: 'funnel' as const, id }, text: t(REPLY_KEYS[id], { name: '{nome}' }) })),
    { name: t('replyForAnyone'), stage: null, text: t('reply.none', { name: '{nome}' }) },
  ];
}
