import type { TodayItem } from '../../../../core';
import { formatDate, formatDateTime, formatMoney } from '../../../i18n/format';
import type { Locale, MessageKey } from '../../../i18n/translate';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * Why an item is on the Hoje list, in the seller's words, dates on their calendar. Text the seller or a visitor
 * wrote (a follow-up's, a comment) is a value of the message: it is shown as text, never read as markup.
 */
export function todayReason(item: TodayItem, t: Translate, locale: Locale, timeZone: string): string {
  switch (item.kind) {
    case 'follow-up':
      return t('today.reason.follow-up', { due: formatDateTime(item.due, locale, timeZone), text: item.text });
    case 'late':
      return t('today.reason.late', { days: item.daysLate, interval: item.intervalDays, date: formatDate(item.expectedAt, locale, timeZone) });
    case 'low-feedback':
      return t('today.reason.low-feedback', { scale: item.scale, score: item.score, date: formatDate(item.receivedAt, locale, timeZone) });
    case 'new-prospect':
      return t('today.reason.new-prospect', { date: formatDate(item.since, locale, timeZone) });
  }
}

/** A late customer's predicted value, when the models have one (what orders that section). */
export function predictedText(item: TodayItem, t: Translate, locale: Locale, currency: string | undefined): string | null {
  if (item.kind !== 'late' || item.predictedMinor === null || currency === undefined) return null;
  return t('today.reason.predicted', { value: formatMoney(item.predictedMinor, currency, locale) });
}
