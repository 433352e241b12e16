import { useState } from 'preact/hooks';
import { dayOfIso, isoDay, quickRepliesFor, SNOOZE_DAYS, type QuickReply, type TodayItem } from '../../../../core';
import { formatDate } from '../../../i18n/format';
import type { TodayCustomerSummary } from '../../../background/today-service';
import { quickReplyFor, quickReplyValues, starterQuickReplies } from '../../quick-reply-values';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { chatLinks } from '../customers/customer-detail/chat-links';
import { predictedText, todayReason } from './today-reason';

interface RowProps {
  item: TodayItem;
  customer: TodayCustomerSummary | undefined;
  own: QuickReply[];
  pixKey: string | null;
  /** The seller's date today (`YYYY-MM-DD`). */
  today: string;
  /** The item was marked done or snoozed (the list is asked again). */
  onActed: () => void;
}

/**
 * One person to talk to: their name (to their profile), why they are here, the quick reply for their stage with a
 * copy button, "Abrir conversa" for each chat the book knows, and done or snooze. Everything is text: names,
 * follow-ups and comments from visitors are never read as markup.
 */
export function TodayRow({ item, customer, own, pixKey, today, onActed }: RowProps) {
  const { background, t, locale, timeZone, notify } = useBook();
  const [busy, setBusy] = useState(false);
  const name = customer?.name ?? item.customerId;
  const reply = customer ? replyFor(customer, own, pixKey) : null;
  const links = customer ? chatLinks(customer.contacts) : [];
  const predicted = predictedText(item, t, locale, customer?.totals[0]?.currency ?? 'BRL');

  function act(request: Parameters<typeof background.ask>[0], said: string) {
    setBusy(true);
    background.ask(request).then(
      () => {
        notify(said);
        onActed();
      },
      (error: unknown) => {
        setBusy(false);
        notify(error instanceof Error ? error.message : String(error), 'alert');
      },
    );
  }

  function replyFor(who: TodayCustomerSummary, replies: QuickReply[], pix: string | null) {
    const audience = { funnelStage: who.funnelStage, lifecycleStage: who.lifecycleStage };
    const chosen = quickRepliesFor(replies.length > 0 ? replies : starterQuickReplies(t, locale), audience)[0];
    if (!chosen) return null;
    const values = quickReplyValues({ customer: { displayName: who.name, lastOrderAt: who.lastPurchaseAt }, totals: who.totals, pixKey: pix }, locale, timeZone);
    return quickReplyFor(chosen.text, values).text;
  }

  return (
    <li class="today-row" data-today-key={item.key} data-testid="today-row">
      <div class="today-why">
        <a class="today-name" href={hrefOf([CUSTOMERS_PATH, item.customerId])}>
          {name}
        </a>
        <p>{todayReason(item, t, locale, timeZone)}</p>
        {predicted && <p class="hint">{predicted}</p>}
        {item.kind === 'low-feedback' && item.comment && <blockquote>{item.comment}</blockquote>}
      </div>
      {reply && (
        <div class="today-reply">
          <p class="today-reply-label">{t('today.reply')}</p>
          <p class="today-reply-text">{reply}</p>
          <button
            type="button"
            class="secondary"
            aria-label={t('today.copyFor', { name })}
            onClick={() => void navigator.clipboard?.writeText(reply).then(() => notify(t('copied')), () => undefined)}
          >
            {t('copy')}
          </button>
        </div>
      )}
      <div class="today-actions">
        {links.length === 0 ? (
          <p class="hint">{t('today.noChat')}</p>
        ) : (
          links.map((link) => (
            <a key={link.href} class="today-chat" href={link.href} target="_blank" rel="noopener noreferrer" aria-label={t('today.openChatWith', { name, contact: link.label })}>
              {t('today.openChat')}
            </a>
          ))
        )}
        <button type="button" disabled={busy} aria-label={t('today.doneFor', { name })} onClick={() => act({ type: 'today/done', key: item.key }, t('today.doneNotice', { name }))}>
          {t('today.done')}
        </button>
        <details class="today-snooze">
          <summary aria-label={t('today.snoozeFor', { name })}>{t('today.snooze')}</summary>
          <div class="today-snooze-choices">
            {SNOOZE_DAYS.map((days) => (
              <button
                key={days}
                type="button"
                class="secondary"
                disabled={busy}
                onClick={() => act({ type: 'today/snooze', key: item.key, days }, t('today.snoozedNotice', { name, date: formatDate(`${isoDay(dayOfIso(today) + days)}T12:00:00Z`, locale, timeZone) }))}
              >
                {t(`today.snooze.${days}`)}
              </button>
            ))}
          </div>
        </details>
      </div>
    </li>
  );
}
