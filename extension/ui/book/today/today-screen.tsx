import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { TODAY_KINDS, type QuickReply, type TodayItem, type TodayKind } from '../../../../core';
import { readPixKey } from '../../../background/pix-key';
import { unwrapReply } from '../../../messaging/client';
import { fromWire, type BookResponses } from '../../../messaging/protocol';
import { takeArrivedToday, takeFirstToday } from '../customers/first-rows';
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

/** The list asked for as the page started, if it arrived in time for the first render (and was an answer). */
function arrivedList(): { data: TodayReply } | undefined {
  const wire = takeArrivedToday();
  const reply = wire && fromWire<TodayReply>(wire);
  return reply?.ok ? { data: reply.data } : undefined;
}

/** The name link of the row with this item key (compared as text: keys hold ids and colons). */
function rowName(key: string): HTMLElement | null {
  const row = [...document.querySelectorAll<HTMLElement>('[data-today-key]')].find((element) => element.dataset.todayKey === key);
  return row?.querySelector<HTMLElement>('.today-name') ?? null;
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
  // The list asked for as the page started, when it is here already: drawn in this first render.
  const [first] = useState(() => arrivedList());
  const shown = useRef<TodayReply | undefined>(first?.data);
  const list = useBookQuery(() => askTodayList(background), {
    first,
    stores: [...LIST_STORES],
    watch: (changed) => {
      const controller = new AbortController();
      // The table's news on connecting says what it holds: nothing to read again if the list shown was made from it.
      background.watchTable((update) => {
        const made = shown.current;
        if (update && made && update.version === made.version && update.predictions === made.predictions) return;
        changed();
      }, controller.signal);
      refresh.current.add(changed);
      return () => {
        controller.abort();
        refresh.current.delete(changed);
      };
    },
  });
  shown.current = list.data;
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
    const target = (key && rowName(key)) || document.querySelector<HTMLElement>('main h1');
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

/** Rows a section shows at first, and how many more each "Mostrar mais" adds (of the TODAY_SECTION_LIMIT sent). */
export const TODAY_FIRST_ROWS = 10;
export const TODAY_MORE_ROWS = 20;

function TodayList({ reply, busy, own, pixKey, onActed }: ListProps) {
  const { t } = useBook();
  // A section shows its first rows, the ones with the most at stake; the seller asks for more. Drawing all of a big
  // book's rows at once (four sections of a hundred) would hold the first screen back for the rows nobody reaches.
  const [shown, setShown] = useState<Partial<Record<TodayKind, number>>>({});
  const focusRow = useRef<string | null>(null);
  const sections = useMemo(() => {
    const by = new Map<TodayKind, TodayItem[]>(TODAY_KINDS.map((kind) => [kind, []]));
    for (const item of reply.items) by.get(item.kind)?.push(item);
    return TODAY_KINDS.map((kind) => ({ kind, items: by.get(kind) ?? [], count: reply.counts[kind] })).filter((section) => section.count > 0);
  }, [reply]);
  // Once the rows it added are drawn (a layout effect: before anything else can render the list again).
  useLayoutEffect(() => {
    if (focusRow.current === null) return;
    const key = focusRow.current;
    focusRow.current = null;
    rowName(key)?.focus();
  }, [shown]);
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
      {sections.map(({ kind, items, count }) => {
        const limit = shown[kind] ?? TODAY_FIRST_ROWS;
        const visible = items.slice(0, limit);
        const more = Math.min(TODAY_MORE_ROWS, items.length - visible.length);
        const title = t(`today.section.${kind}`);
        return (
          <section key={kind} class="today-section" aria-labelledby={`today-${kind}`} data-testid={`today-${kind}`}>
            <h2 id={`today-${kind}`}>
              {title} <span class="today-count">{count}</span>
            </h2>
            <ul class="today-rows">
              {visible.map((item) => {
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
            {more > 0 ? (
              <button
                type="button"
                class="secondary today-show-more"
                aria-label={t('today.showMoreIn', { count: more, section: title })}
                onClick={() => {
                  focusRow.current = items[visible.length]?.key ?? null;
                  setShown((before) => ({ ...before, [kind]: limit + more }));
                }}
              >
                {t('today.showMore', { count: more })}
              </button>
            ) : (
              count > items.length && <p class="hint">{t('today.more', { count: count - items.length })}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
