import type { Customer } from '../model';
import type { CustomerFacts } from './facts';
import { hasUnansweredBadRating } from './lifecycle';

/**
 * Why a customer is suggested for review (the seller decides; the store archives):
 *   lost                activity status lost;
 *   inactive-low-value  inactive, silent for at least inactiveMinDays, and monetary score ≤ lowValueScoreAtMost;
 *   unhappy             latest rating is a detractor nps ≤ 6 or a csat ≤ 2, with no paid order since it;
 *   never-bought-old    no paid order and in the book for more than neverBoughtAfterDays.
 */
export const CLEANUP_REASONS = ['lost', 'inactive-low-value', 'unhappy', 'never-bought-old'] as const;
export type CleanupReason = (typeof CLEANUP_REASONS)[number];

export interface CleanupConfig {
  readonly inactiveMinDays: number;
  readonly lowValueScoreAtMost: number;
  readonly neverBoughtAfterDays: number;
  readonly badCsatAtMost: number;
  readonly badNpsAtMost: number;
}

export const DEFAULT_CLEANUP_CONFIG: CleanupConfig = Object.freeze({
  inactiveMinDays: 90,
  lowValueScoreAtMost: 2,
  neverBoughtAfterDays: 180,
  badCsatAtMost: 2,
  badNpsAtMost: 6,
});

export interface CleanupCandidate {
  readonly customerId: string;
  /** Every reason that applies, in the order of CLEANUP_REASONS (the first is the one to show). */
  readonly reasons: readonly CleanupReason[];
  readonly facts: CustomerFacts;
}

/** Archived customers are out of the active book: not in candidates, not in active counts. */
export function countsAsActive(customer: Pick<CustomerFacts, 'archived'> | Pick<Customer, 'archivedAt'>): boolean {
  return 'archived' in customer ? !customer.archived : customer.archivedAt === null;
}

/** The facts of customers that count as active (not archived), in input order. */
export function activeFacts(factsList: Iterable<CustomerFacts>): CustomerFacts[] {
  const out: CustomerFacts[] = [];
  for (const facts of factsList) if (!facts.archived) out.push(facts);
  return out;
}

/** Reasons one customer is a clean-up candidate; empty when they are not (or are archived). */
export function cleanupReasonsOf(facts: CustomerFacts, config: CleanupConfig = DEFAULT_CLEANUP_CONFIG): CleanupReason[] {
  if (facts.archived) return [];
  const reasons: CleanupReason[] = [];
  const status = facts.activity.status;
  if (status === 'lost') reasons.push('lost');
  if (
    status === 'inactive' &&
    (facts.daysSinceLastOrder ?? 0) >= config.inactiveMinDays &&
    facts.rfm !== null &&
    facts.rfm.monetary <= config.lowValueScoreAtMost
  ) {
    reasons.push('inactive-low-value');
  }
  if (hasUnansweredBadRating(facts.latestFeedback, facts.lastOrderAt, config)) reasons.push('unhappy');
  if (facts.orderCount === 0 && facts.daysSinceCreated > config.neverBoughtAfterDays) reasons.push('never-bought-old');
  return reasons;
}

/** Customers to review, in input order. */
export function cleanupCandidates(factsList: Iterable<CustomerFacts>, config: CleanupConfig = DEFAULT_CLEANUP_CONFIG): CleanupCandidate[] {
  const out: CleanupCandidate[] = [];
  for (const facts of factsList) {
    const reasons = cleanupReasonsOf(facts, config);
    if (reasons.length > 0) out.push({ customerId: facts.customerId, reasons, facts });
  }
  return out;
}
