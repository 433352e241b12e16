import type { CleanupReason } from '../../../../core';
import type { CleanupCustomerSummary } from '../../../background/cleanup-service';
import { formatDate, formatDaysAgo, formatMoney } from '../../../i18n/format';
import type { Locale } from '../../../i18n/translate';
import type { BookTools } from '../app/book-context';

type Words = Pick<BookTools, 't'> & { locale: Locale; timeZone: string };

/** Why a customer is a candidate for one reason, in the seller's words (the facts behind core's rule). */
export function cleanupWhy(reason: CleanupReason, who: CleanupCustomerSummary, { t, locale, timeZone }: Words): string {
  const days = who.daysSinceLastOrder ?? 0;
  switch (reason) {
    case 'lost':
      return who.intervalDays === null ? t('cleanup.why.silent', { days }) : t('cleanup.why.lost', { days, interval: Math.round(who.intervalDays) });
    case 'inactive-low-value':
      return t('cleanup.why.inactive-low-value', { days, score: who.spendScore ?? 1 });
    case 'unhappy': {
      const rating = who.latestFeedback;
      if (!rating) return '';
      return t('cleanup.why.unhappy', { scale: rating.kind, score: rating.score, date: formatDate(rating.receivedAt, locale, timeZone) });
    }
    case 'never-bought-old':
      return t('cleanup.why.never-bought-old', { ago: formatDaysAgo(who.daysSinceCreated, locale) });
  }
}

/** What they spent (per currency, never summed across them) and when they last bought. */
export function spentText(who: CleanupCustomerSummary, { t, locale, timeZone }: Words): string | null {
  if (who.totals.length === 0) return null;
  const spent = who.totals.map((total) => t('cleanup.spent', { amount: formatMoney(total.totalMinor, total.currency, locale), count: total.orders })).join('; ');
  return who.lastPurchaseAt ? `${spent}; ${t('cleanup.lastPurchase', { date: formatDate(who.lastPurchaseAt, locale, timeZone) })}` : spent;
}
