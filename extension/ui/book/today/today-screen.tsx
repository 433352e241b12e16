import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { TODAY_KINDS, type QuickReply, type TodayItem, type TodayKind } from '../../../../core';
import { readPixKey } from '../../../background/pix-key';
import { unwrapReply } from '../../../messaging/client';
import { fromWire, type BookResponses } from '../../../messaging/protocol';
import { takeFirstToday } from '../customers/first-rows';
import { useBook, type BackgroundClient } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { TodayRow } from './today-row';
import './today.css';

type TodayReply = BookResponses['today/list'];

/**
 * The list: the first time, the answer to the request sent as the page started (first-rows.ts), if one was; asked
 * again should that one have failed (the background still waking), and every other time.
 */
function askTodayList(background: BackgroundClient): Promise<TodayReply> {
  const ask = () => background.ask({ type: 'today/list' });
  const early = takeFirstToday();
  return early === undefined ? ask() : early.then((wire) => unwrapReply(fromWire<TodayReply>(wire))).catch(ask);
}

/** Book stores whose changes may change the list (the background's table follows the same feed). */
const LIST_STORES = ['customers', 'orders', 'feedback', 'followUps', 'meta'] as const;

/**
 * Hoje, the book page's first screen: who to talk to today, in sections (core/today `todayList`), each row with
 * why it is there, the quick reply for the customer's stage, "Abrir conversa", and done or snooze. The list is
 * the background's (`today/list`, from its customer table): asked again when the book changes, when the table
 * has applied a change (`table/updated`), and after the seller's own done or snooze.
 */
export function TodayScreen() {
  const { background, t } = useBook();
  const refresh = useRef(new Set<() => void>());
  const list = useBookQuery(() => askTodayList(background), {
    stores: [...LIST_STORES],
    watch: (changed) => {
      const controller = new AbortController();
      background.watchTable(() => changed(), controller.signal);
      refresh.current.add(changed);
      return () => {
        controller.abort();
        refresh.current.delete(changed);
      };
    },
  });
  const replies = useBookQuery(async (b) => ({ own: await b.quickReplies.list(), pixKey: await readPixKey(b) }), { stores: ['quickReplies', 'meta'] });
  // After a done or snooze, focus goes to the row that took its place (else the next section's, else the heading).
  const focusAfter = useRef<string | null>(null);
  const acted = useCallback((nextKey: string | null) => {
    focusAfter.current = nextKey ?? '';
    refresh.current.forEach((changed) => changed());
  }, []);

  useEffect(() => {
    if (focusAfter.current === null || list.loading || !list.data) return;
    const key = focusAfter.current;
    focusAfter.current = null;
    const target = (key && document.querySelector<HTMLElement>(`[data-today-key="${CSS.escape(key)}"] .today-name`)) || document.querySelector<HTMLElement>('main h1');
    target?.focus();
  }, [list.data, list.loading]);

  if (list.error !== undefined && list.data === undefined) return <p class="error">{t('unavailable')}</p>;
  if (list.data === undefined) {
    return (
      <p class="today-loading" aria-busy="true">
        {t('today.loading')}
      </p>
    );
  }
  return <TodayList reply={list.data} busy={list.loading} own={replies.data?.own ?? []} pixKey={replies.data?.pixKey ?? null} onActed={acted} />;
}

interface ListProps {
  reply: TodayReply;
  busy: boolean;
  own: QuickReply[];
  pixKey: string | null;
  onActed: (nextKey: string | null) => void;
}

function TodayList({ reply, busy, own, pixKey, onActed }: ListProps) {
  const { t } = useBook();
  const sections = useMemo(() => {
    const by = new Map<TodayKind, TodayItem[]>(TODAY_KINDS.map((kind) => [kind, []]));
    for (const item of reply.items) by.get(item.kind)?.push(item);
    return TODAY_KINDS.map((kind) => ({ kind, items: by.get(kind) ?? [], count: reply.counts[kind] })).filter((section) => section.count > 0);
  }, [reply]);
  const people = new Set(reply.items.map((item) => item.customerId)).size;
  if (sections.length === 0) {
    return (
      <p class="today-empty" data-testid="today-empty" data-today-date={reply.today}>
        {t('today.empty')}
      </p>
    );
  }
  const order = reply.items.map((item) => item.key);
  return (
    <div class="today" data-testid="today-list" data-today-date={reply.today} aria-busy={busy ? 'true' : 'false'}>
      <p class="today-summary">{t('today.summary', { count: people })}</p>
      {sections.map(({ kind, items, count }) => (
        <section key={kind} class="today-section" aria-labelledby={`today-${kind}`} data-testid={`today-${kind}`}>
          <h2 id={`today-${kind}`}>
            {t(`today.section.${kind}`)} <span class="today-count">{count}</span>
          </h2>
          <ul class="today-rows">
            {items.map((item) => {
              const at = order.indexOf(item.key);
              return (
                <TodayRow
                  key={item.key}
                  item={item}
                  customer={reply.customers[item.customerId]}
                  own={own}
                  pixKey={pixKey}
                  today={reply.today}
                  onActed={() => onActed(order[at + 1] ?? order[at - 1] ?? null)}
                />
              );
            })}
          </ul>
          {count > items.length && <p class="hint">{t('today.more', { count: count - items.length })}</p>}
        </section>
      ))}
    </div>
  );
}
