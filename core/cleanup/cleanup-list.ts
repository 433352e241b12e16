import { cleanupReasonsOf, CLEANUP_REASONS, DEFAULT_CLEANUP_CONFIG, type CleanupConfig, type CleanupReason } from '../segments/cleanup';
import type { CustomerFacts } from '../segments/facts';

/** A clean-up candidate grouped under the first of their reasons (core/segments/cleanup: the one to show). */
export interface CleanupEntry {
  readonly facts: CustomerFacts;
  /** Every reason that applies, in CLEANUP_REASONS order. */
  readonly reasons: readonly CleanupReason[];
}

export interface CleanupList {
  /** Candidates under the first of their reasons, each group by longest silence first (never bought: oldest first). */
  readonly groups: Readonly<Record<CleanupReason, readonly CleanupEntry[]>>;
  /** Good lost customers to win back (see isWinBack), by past value in the main currency, highest first. */
  readonly winBack: readonly CustomerFacts[];
}

/**
 * A customer worth winning back: lost by their own rhythm (activity `lost`) and of high past value, the lifecycle's
 * `highValue` (monetary RFM score 4 or 5, or spend in the main currency at or above the book's 80th percentile of
 * buyers' spend: the top quintile either way). Archived customers never are.
 */
export function isWinBack(facts: CustomerFacts): boolean {
  return !facts.archived && facts.activity.status === 'lost' && facts.lifecycle.highValue;
}

/**
 * The Limpeza screen's lists from every customer's facts: clean-up candidates by reason (archived customers left
 * out, as cleanupReasonsOf does) and the win-back list. A good lost customer is in both: the seller chooses between
 * a message and the archive.
 */
export function cleanupList(factsList: Iterable<CustomerFacts>, mainCurrency: string, config: CleanupConfig = DEFAULT_CLEANUP_CONFIG): CleanupList {
  const groups = Object.fromEntries(CLEANUP_REASONS.map((reason) => [reason, [] as CleanupEntry[]])) as Record<CleanupReason, CleanupEntry[]>;
  const winBack: CustomerFacts[] = [];
  for (const facts of factsList) {
    const reasons = cleanupReasonsOf(facts, config);
    if (reasons.length > 0) groups[reasons[0] as CleanupReason].push({ facts, reasons });
    if (isWinBack(facts)) winBack.push(facts);
  }
  for (const reason of CLEANUP_REASONS) groups[reason].sort((a, b) => silence(b.facts) - silence(a.facts) || byName(a.facts, b.facts));
  const spent = (facts: CustomerFacts) => facts.totalSpentMinor[mainCurrency] ?? 0;
  winBack.sort((a, b) => spent(b) - spent(a) || byName(a, b));
  return { groups, winBack };
}

/** Days of silence: since the last purchase, or since they joined for who never bought. */
function silence(facts: CustomerFacts): number {
  return facts.daysSinceLastOrder ?? facts.daysSinceCreated;
}

function byName(a: CustomerFacts, b: CustomerFacts): number {
  return a.displayName.localeCompare(b.displayName) || a.customerId.localeCompare(b.customerId);
}
