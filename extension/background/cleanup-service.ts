import {
  CLEANUP_REASONS,
  cleanupList,
  type ActivityStatus,
  type Book,
  type BookTable,
  type CleanupArchive,
  type CleanupList,
  type CleanupReason,
  type CustomerFacts,
  type IdentityKind,
  type LifecycleStage,
} from '../../core';
import type { CurrencyTotal } from '../messaging/protocol';
import type { BookTableService } from './book-table-service';
import { currencyTotals } from './profiles';

/** Customers described per group and in the win-back list: the counts and ids say how many there are in all. */
export const CLEANUP_SHOWN = 200;
/** Archives the screen's log shows, newest first, and customers named per archive. */
export const CLEANUP_LOG_SHOWN = 20;
export const CLEANUP_LOG_NAMES = 200;

/** What a Limpeza row shows of a customer, and what explains why they are listed. */
export interface CleanupCustomerSummary {
  id: string;
  name: string;
  contacts: { kind: IdentityKind; value: string; raw: string }[];
  lifecycleStage: LifecycleStage;
  funnelStage: string | null;
  activity: ActivityStatus;
  /** Every clean-up reason that applies (empty for a win-back customer who is no candidate). */
  reasons: CleanupReason[];
  lastPurchaseAt: string | null;
  daysSinceLastOrder: number | null;
  /** Their own typical gap between purchases, days (the rhythm "lost" is judged by); null with one purchase day. */
  intervalDays: number | null;
  daysSinceCreated: number;
  /** RFM monetary score 1–5 (null without purchases or in a book too small to score). */
  spendScore: number | null;
  latestFeedback: { kind: 'csat' | 'nps'; score: number; receivedAt: string } | null;
  /** Paid totals per currency (never summed across currencies). */
  totals: CurrencyTotal[];
}

export interface CleanupGroup {
  reason: CleanupReason;
  /** Every candidate of the group, by longest silence first; `customers` describes the first CLEANUP_SHOWN. */
  ids: string[];
}

/** One clean-up archive as the log shows it: who it archived, by name, and whether each is still archived. */
export interface CleanupArchiveSummary extends CleanupArchive {
  customers: { id: string; name: string; archived: boolean }[];
}

export interface CleanupReply {
  groups: CleanupGroup[];
  /** Good lost customers (core/cleanup `isWinBack`), highest past value first: the first CLEANUP_SHOWN, and how many. */
  winBack: { ids: string[]; count: number };
  customers: Record<string, CleanupCustomerSummary>;
  /** The clean-up archives, newest first (the last CLEANUP_LOG_SHOWN). */
  archives: CleanupArchiveSummary[];
  mainCurrency: string;
}

/**
 * The lists of the table's last version: every customer's facts are a full recompute (about a second at 100k), so
 * a screen asking again after a `meta` write (an archive's log, a setting) or a second screen reuses them.
 */
const listed = new WeakMap<BookTable, { version: number; list: CleanupList }>();

function listOf(built: BookTable, mainCurrency: string): CleanupList {
  const kept = listed.get(built);
  if (kept && kept.version === built.table.version) return kept.list;
  const facts: CustomerFacts[] = [];
  built.eachFacts((one) => facts.push(one));
  const list = cleanupList(facts, mainCurrency);
  listed.set(built, { version: built.table.version, list });
  return list;
}

/** The Limpeza lists from the background's table (every customer's facts, archived customers left out) and the log. */
export async function cleanupReply(book: Book, table: BookTableService): Promise<CleanupReply> {
  const archives = await book.cleanupArchives();
  return table.read((built) => {
    const list = listOf(built, table.mainCurrency);
    const customers: Record<string, CleanupCustomerSummary> = {};
    const describe = (one: CustomerFacts, reasons: readonly CleanupReason[]) => {
      const summary = summarize(built, one, reasons);
      if (summary) customers[one.customerId] = summary;
    };
    const groups = CLEANUP_REASONS.map((reason) => {
      const entries = list.groups[reason];
      entries.slice(0, CLEANUP_SHOWN).forEach((entry) => describe(entry.facts, entry.reasons));
      return { reason, ids: entries.map((entry) => entry.facts.customerId) };
    });
    const winBack = list.winBack.slice(0, CLEANUP_SHOWN);
    for (const one of winBack) if (!customers[one.customerId]) describe(one, []);
    return {
      groups,
      winBack: { ids: winBack.map((one) => one.customerId), count: list.winBack.length },
      customers,
      archives: archives.slice(-CLEANUP_LOG_SHOWN).reverse().map((archive) => ({ ...archive, customers: archivedNames(built, archive) })),
      mainCurrency: table.mainCurrency,
    };
  });
}

function summarize(built: BookTable, facts: CustomerFacts, reasons: readonly CleanupReason[]): CleanupCustomerSummary | null {
  const held = built.customerOf(facts.customerId);
  if (!held) return null;
  const feedback = facts.latestFeedback;
  return {
    id: facts.customerId,
    name: held.customer.displayName,
    contacts: held.customer.identities.map(({ kind, value, raw }) => ({ kind, value, raw })),
    lifecycleStage: facts.lifecycle.stage,
    funnelStage: facts.funnelStage,
    activity: facts.activity.status,
    reasons: [...reasons],
    lastPurchaseAt: held.row.lastPurchaseAt,
    daysSinceLastOrder: facts.daysSinceLastOrder,
    intervalDays: facts.typicalIntervalDays,
    daysSinceCreated: facts.daysSinceCreated,
    spendScore: facts.rfm?.monetary ?? null,
    latestFeedback: feedback ? { kind: feedback.kind, score: feedback.score, receivedAt: new Date(feedback.receivedAt).toISOString() } : null,
    totals: currencyTotals(held.orders),
  };
}

function archivedNames(built: BookTable, archive: CleanupArchive): CleanupArchiveSummary['customers'] {
  const out: CleanupArchiveSummary['customers'] = [];
  for (const id of archive.customerIds.slice(0, CLEANUP_LOG_NAMES)) {
    const held = built.customerOf(id);
    if (held) out.push({ id, name: held.customer.displayName, archived: held.row.archived });
  }
  return out;
}
