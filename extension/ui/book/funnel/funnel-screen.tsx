import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_FUNNEL_STAGES, MAX_TABLE_WINDOW, type CustomerRow, type LastContact, type Tag, type TableQuery } from '../../../../core';
import { formatDate, formatMoney } from '../../../i18n/format';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { useBookQuery } from '../data/use-book-query';
import { funnelLabel } from '../customers/table-cells';
import { paramsFromQuery } from '../customers/table-route';

/** The board's columns, left to right: customers without a stage first (where new contacts wait), then the funnel. */
export const FUNNEL_COLUMNS: readonly (string | null)[] = [null, ...DEFAULT_FUNNEL_STAGES];
/** Cards a column shows at first, and how many more each "Mostrar mais" adds (up to the table's window). */
export const CARDS_PER_PAGE = 20;

const NO_TAGS: readonly Tag[] = [];

/** A card moved by the seller: shown at once where it went (first in its column), whatever the answers say yet. */
interface Move {
  row: CustomerRow;
  from: string | null;
  to: string | null;
  /** The table version when it moved: answers up to it do not know of the move yet. */
  version: number;
  /** Moved with the keyboard: the focus follows the card. */
  focus: boolean;
}

/** The query of one column: its stage, the tag chosen, the most recent buyers first. */
export function columnQuery(stage: string | null, tagId: string): TableQuery {
  return {
    filters: { funnelStages: [stage], ...(tagId === '' ? {} : { tagIds: [tagId] }), tagMode: 'any', archived: 'exclude' },
    sort: { column: 'lastPurchase', direction: 'desc' },
    search: '',
  };
}

/**
 * Funil: the seller's funnel as a board, one column per stage, each card a customer with their ticket and last
 * contact (lastContactText). A card moves by dragging it to another column, or with ← and → while it has the focus (the focus goes
 * with it). Each column is a window of the background's customer table (`table/query` filtered by that stage and
 * the tag chosen), so a book of 100k customers costs a few dozen rows per column; a move is one write to the book
 * (`updateMany`), and the columns read again when the table says it changed.
 */
export function FunnelScreen() {
  const { t, book, background, locale, notify } = useBook();
  const tags = useBookQuery((b) => b.tags.list(), { stores: ['tags'] }).data ?? NO_TAGS;
  const [tagId, setTagId] = useState('');
  const [updates, setUpdates] = useState(0);
  const [move, setMove] = useState<Move | null>(null);
  const dragged = useRef<{ row: CustomerRow; from: string | null } | null>(null);
  const version = useRef(0);
  const [over, setOver] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const stop = new AbortController();
    background.watchTable(() => setUpdates((n) => n + 1), stop.signal);
    return () => stop.abort();
  }, [background]);

  const stageName = (stage: string | null) => (stage === null ? t('filter.noFunnelStage') : funnelLabel(locale, stage));
  const moveCard = async (row: CustomerRow, from: string | null, to: string | null, focus: boolean) => {
    if (from === to) return;
    setMove({ row: { ...row, funnelStage: to }, from, to, version: version.current, focus });
    try {
      await book.customers.updateMany([row.id], { kind: 'funnelStage', stage: to });
      notify(t('funnel.moved', { name: row.name, stage: stageName(to) }));
    } catch (error) {
      setMove(null);
      notify(t('funnel.moveFailed', { name: row.name, error: error instanceof Error ? error.message : String(error) }), 'alert');
    }
  };

  return (
    <>
      <p class="meta" id="funnel-help">
        {t('funnel.help')}
      </p>
      <div class="field funnel-filter">
        <label for="funnel-tag">{t('funnel.tagFilter')}</label>
        <select
          id="funnel-tag"
          value={tagId}
          onChange={(event) => {
            setMove(null);
            setTagId((event.currentTarget as HTMLSelectElement).value);
          }}
        >
          <option value="">{t('funnel.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </select>
      </div>
      <div class="funnel-board" data-testid="funnel-board">
        {FUNNEL_COLUMNS.map((stage, index) => (
          <FunnelColumn
            key={stage ?? ''}
            stage={stage}
            name={stageName(stage)}
            tagId={tagId}
            updates={updates}
            move={move}
            dropping={over === stage}
            onVersion={(seen) => (version.current = Math.max(version.current, seen))}
            onKeyMove={(row, step) => {
              const to = FUNNEL_COLUMNS[index + step];
              if (to !== undefined) void moveCard(row, stage, to, true);
            }}
            onDragStart={(row) => (dragged.current = { row, from: stage })}
            onDragEnd={() => {
              dragged.current = null;
              setOver(undefined);
            }}
            onDragOver={(event) => {
              // Only a card of this board is taken: text or files dragged in from elsewhere are not.
              if (dragged.current === null) return;
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
              setOver(stage);
            }}
            onDrop={(event) => {
              const card = dragged.current;
              if (card === null) return;
              event.preventDefault();
              dragged.current = null;
              setOver(undefined);
              void moveCard(card.row, card.from, stage, false);
            }}
          />
        ))}
      </div>
    </>
  );
}

interface ColumnProps {
  stage: string | null;
  name: string;
  tagId: string;
  updates: number;
  move: Move | null;
  dropping: boolean;
  onVersion: (version: number) => void;
  onKeyMove: (row: CustomerRow, step: -1 | 1) => void;
  onDragStart: (row: CustomerRow) => void;
  onDragEnd: () => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}

interface ColumnAnswer {
  total: number;
  version: number;
  rows: CustomerRow[];
}

function FunnelColumn({ stage, name, tagId, updates, move, dropping, onVersion, onKeyMove, onDragStart, onDragEnd, onDragOver, onDrop }: ColumnProps) {
  const { t, background } = useBook();
  const [limit, setLimit] = useState(CARDS_PER_PAGE);
  const [answer, setAnswer] = useState<ColumnAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const query = columnQuery(stage, tagId);

  useEffect(() => setLimit(CARDS_PER_PAGE), [tagId]);
  useEffect(() => {
    let live = true;
    background.ask({ type: 'table/query', ...query, offset: 0, limit }).then(
      (read) => {
        if (!live) return;
        onVersion(read.version);
        setFailed(false);
        setAnswer({ total: read.total, version: read.version, rows: read.rows });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [background, stage, tagId, limit, updates]);

  // The card moved here is drawn first until the next move; the card moved away is gone at once.
  const pinned = move !== null && move.to === stage ? move.row : null;
  const gone = move !== null && move.from === stage && move.to !== stage ? move.row.id : null;
  const rows = (answer?.rows ?? []).filter((row) => row.id !== gone && row.id !== pinned?.id);
  const cards = pinned === null ? rows : [pinned, ...rows];
  const stale = answer !== null && move !== null && answer.version <= move.version;
  const total = answer === null ? null : answer.total + (stale && pinned !== null ? 1 : 0) - (stale && gone !== null ? 1 : 0);
  // Each card's last note, follow-up or rating (the row has the last purchase), read for the cards shown; the last
  // answer stays while the next is read, so a move does not blank every card's line.
  const ids = cards.map((row) => row.id);
  const contacts = useBookQuery((b) => b.lastContacts(ids), { stores: ['notes', 'followUps', 'feedback'], deps: [ids.join(' ')] }).data;
  const knownContacts = useRef<ReadonlyMap<string, LastContact>>(new Map());
  if (contacts) knownContacts.current = contacts;
  const headingId = `funnel-${stage ?? 'none'}`;
  const more = total === null ? 0 : total - cards.length;

  return (
    <section class={dropping ? 'funnel-column dropping' : 'funnel-column'} aria-labelledby={headingId} data-stage={stage ?? ''} onDragOver={onDragOver} onDrop={onDrop}>
      <h3 id={headingId}>
        {name} <span class="funnel-count" data-testid="funnel-count">{total === null ? '…' : t('funnel.count', { count: total })}</span>
      </h3>
      {failed && <p class="error">{t('funnel.readFailed')}</p>}
      {answer !== null && cards.length === 0 && <p class="meta">{t('funnel.empty')}</p>}
      <ul class="funnel-cards" aria-labelledby={headingId}>
        {cards.map((row) => (
          <FunnelCard
            key={row.id}
            row={row}
            contact={knownContacts.current.get(row.id) ?? null}
            focus={move !== null && move.focus && pinned?.id === row.id}
            onKeyMove={(step) => onKeyMove(row, step)}
            onDragStart={() => onDragStart(row)}
            onDragEnd={onDragEnd}
          />
        ))}
      </ul>
      {more > 0 &&
        (cards.length < MAX_TABLE_WINDOW ? (
          <button type="button" class="secondary" onClick={() => setLimit(Math.min(MAX_TABLE_WINDOW, limit + CARDS_PER_PAGE))}>
            {t('funnel.showMore', { count: more })}
          </button>
        ) : (
          <a href={hrefOf([CUSTOMERS_PATH], paramsFromQuery(query))}>{t('funnel.seeAll', { count: total ?? 0 })}</a>
        ))}
    </section>
  );
}

interface CardProps {
  row: CustomerRow;
  /** The latest note, follow-up or rating (null with none, or not read yet). */
  contact: LastContact | null;
  focus: boolean;
  onKeyMove: (step: -1 | 1) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

function FunnelCard({ row, contact, focus, onKeyMove, onDragStart, onDragEnd }: CardProps) {
  const { t, locale, timeZone } = useBook();
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (focus) link.current?.focus();
  }, [focus]);
  return (
    <li
      class="funnel-card"
      data-customer={row.id}
      draggable
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', row.name);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      onKeyDown={(event) => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        onKeyMove(event.key === 'ArrowLeft' ? -1 : 1);
      }}
    >
      <a ref={link} href={hrefOf([CUSTOMERS_PATH, row.id])} aria-describedby="funnel-help">
        {row.name}
      </a>
      <span class="meta">{ticketText(row, t, locale)}</span>
      <span class="meta">{lastContactText(row, contact, t, locale, timeZone)}</span>
    </li>
  );
}

/**
 * The card's last contact: the latest of the last purchase and the last note, follow-up or rating the seller
 * recorded, with what it was. The book records no chat by itself: what a host page shows is never written down.
 */
export function lastContactText(row: Pick<CustomerRow, 'lastPurchaseAt'>, contact: LastContact | null, t: ReturnType<typeof useBook>['t'], locale: ReturnType<typeof useBook>['locale'], timeZone: string): string {
  const purchase = row.lastPurchaseAt === null ? null : { at: row.lastPurchaseAt, kind: 'purchase' };
  const latest = purchase === null || (contact !== null && Date.parse(contact.at) > Date.parse(purchase.at)) ? contact : purchase;
  if (latest === null) return t('funnel.noContact');
  return t('funnel.lastContact', { date: formatDate(latest.at, locale, timeZone), kind: latest.kind === 'follow-up' ? 'followUp' : latest.kind });
}

/**
 * The card's ticket: the average paid order when every purchase was in one currency, the totals per currency when
 * there were several (an average across currencies means nothing, and a row does not count orders per currency).
 */
export function ticketText(row: CustomerRow, t: ReturnType<typeof useBook>['t'], locale: ReturnType<typeof useBook>['locale']): string {
  const [only, ...others] = row.totalSpent;
  if (only === undefined || row.orders === 0) return t('funnel.noTicket');
  if (others.length === 0) return t('funnel.ticket', { amount: formatMoney(Math.round(only.minor / row.orders), only.currency, locale) });
  return t('funnel.spent', { amount: row.totalSpent.map((money) => formatMoney(money.minor, money.currency, locale)).join(' + ') });
}
