import { setTodayNotice, todayNoticeEnabled } from '../../../background/today-notice';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';

/**
 * Configurações › the Hoje notification: once a day, when the list has follow-ups due, late customers or low
 * ratings. On unless the seller turns it off; kept in the book's settings (`meta`), which the background reads.
 */
export function TodayNoticePanel() {
  const { book, t, notify } = useBook();
  const { data: enabled } = useBookQuery((b) => todayNoticeEnabled(b), { stores: ['meta'] });
  return (
    <section class="panel" aria-labelledby="today-notice-title" data-testid="today-notice-panel">
      <h2 id="today-notice-title">{t('today.notice.heading')}</h2>
      <label class="today-notice-choice">
        <input
          type="checkbox"
          checked={enabled ?? true}
          disabled={enabled === undefined}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setTodayNotice(book, on).then(
              () => notify(t(on ? 'today.notice.on' : 'today.notice.off')),
              (error: unknown) => notify(error instanceof Error ? error.message : String(error), 'alert'),
            );
          }}
        />
        {t('today.notice.setting')}
      </label>
    </section>
  );
}
