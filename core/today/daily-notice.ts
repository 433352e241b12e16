/** The Hoje notification's setting and memory in `meta`: on unless the seller turned it off; the last date it came. */
export const TODAY_NOTICE_KEY = 'settings.todayNotice';
export const TODAY_NOTICE_SENT_KEY = 'today.noticeSentOn';

export interface DailyNoticeInput {
  /** The seller's setting (undefined: never chosen, which means on). */
  readonly enabled: boolean | undefined;
  /** The seller's date (`YYYY-MM-DD`, in their zone) the last notification came; undefined if never. */
  readonly lastSentOn: string | undefined;
  /** The seller's date today, in their zone. */
  readonly today: string;
  /** How many urgent items the Hoje list holds now. */
  readonly urgent: number;
}

/**
 * Whether to notify now: at most once per day of the seller's calendar (the alarm fires every hour; the date, not
 * 24 hours, is what counts), only with urgent items, and never when turned off.
 */
export function dailyNoticeDue({ enabled, lastSentOn, today, urgent }: DailyNoticeInput): boolean {
  return enabled !== false && urgent > 0 && (lastSentOn === undefined || lastSentOn < today);
}
