import { ACTIVITY_STATUSES } from './activity';
import { choiceTest, customFieldTest, numberTest, setTest } from './condition-tests';
import { type FactColumns, NO_CODE } from './fact-columns';
import { LIFECYCLE_STAGES, type RetentionSignal } from './lifecycle';
import { RFM_SEGMENT_IDS } from './rfm-segments';
import type { SegmentCondition } from './rule-conditions';
import type { SegmentRule } from './rules';
import { parseInstantMs } from './time';

/** A compiled rule over customer numbers of the fact columns. */
export type NumberPredicate = (customer: number) => boolean;

const SIGNALS: readonly RetentionSignal[] = ['at-risk', 'falling-frequency', 'bad-rating'];
/** The signal list of each bit mask, made once. */
const SIGNAL_LISTS: readonly (readonly RetentionSignal[])[] = Array.from({ length: 8 }, (_, mask) => SIGNALS.filter((_, bit) => (mask & (1 << bit)) !== 0));

/**
 * Compiles a validated rule to a test of customer numbers that reads the fact columns (and the customer's record
 * for tags, contacts, funnel stage and custom fields), with compileSegmentRule's semantics; null when a condition
 * needs what the columns do not hold (channels, products, categories, origin, money in another currency than the
 * main one), so the caller judges that rule on facts.
 */
export function compileColumnRule(rule: SegmentRule, columns: FactColumns): NumberPredicate | null {
  if ('all' in rule || 'any' in rule) {
    const parts: NumberPredicate[] = [];
    for (const child of 'all' in rule ? rule.all : rule.any) {
      const part = compileColumnRule(child, columns);
      if (part === null) return null;
      parts.push(part);
    }
    return 'all' in rule ? (c) => parts.every((p) => p(c)) : (c) => parts.some((p) => p(c));
  }
  if ('not' in rule) {
    const inner = compileColumnRule(rule.not, columns);
    return inner === null ? null : (c) => !inner(c);
  }
  return compileColumnCondition(rule, columns);
}

/** How many customers in the columns the predicate holds for. */
export function countColumns(predicate: NumberPredicate, columns: FactColumns): number {
  let n = 0;
  for (let c = 0; c < columns.size; c++) if (columns.present[c] === 1 && predicate(c)) n += 1;
  return n;
}

/** The ids of the customers in the columns the predicate holds for, in customer-number order. */
export function matchingColumns(predicate: NumberPredicate, columns: FactColumns): string[] {
  const ids: string[] = [];
  for (let c = 0; c < columns.size; c++) if (columns.present[c] === 1 && predicate(c)) ids.push(columns.ids[c] as string);
  return ids;
}

function compileColumnCondition(condition: SegmentCondition, columns: FactColumns): NumberPredicate | null {
  const k = columns;
  const record = (c: number) => k.customers[c]!;
  const code = (list: readonly string[], column: Uint8Array) => (c: number) => (column[c] === NO_CODE ? null : (list[column[c]!] as string));
  const score = (column: Uint8Array) => (c: number) => (column[c] === 0 ? null : (column[c] as number));
  switch (condition.field) {
    case 'tags':
      return setTest((c: number) => record(c).tagIds, condition.op, condition.value, (v) => v);
    case 'identityKinds':
      return setTest((c: number) => record(c).identities.map((identity) => identity.kind), condition.op, condition.value, (v) => v);
    case 'retentionSignals':
      return setTest((c: number) => SIGNAL_LISTS[k.signals[c]!]!, condition.op, condition.value, (v) => v);
    case 'activity':
      return choiceTest(code(ACTIVITY_STATUSES, k.activity), condition.op, condition.value);
    case 'rfmSegment':
      return choiceTest(code(RFM_SEGMENT_IDS, k.rfmSegment), condition.op, condition.value);
    case 'lifecycle':
      return choiceTest(code(LIFECYCLE_STAGES, k.lifecycle), condition.op, condition.value);
    case 'purchaseClass':
      return choiceTest((c: number) => (k.purchaseDays[c] === 0 ? 'potential' : k.purchaseDays[c] === 1 ? 'new' : 'recurring'), condition.op, condition.value);
    case 'funnelStage': {
      if (condition.op === 'exists') {
        const wanted = condition.value;
        return (c) => (record(c).funnelStage !== null) === wanted;
      }
      return choiceTest((c: number) => record(c).funnelStage, condition.op, condition.value);
    }
    case 'recencyScore':
      return numberTest(score(k.recency), condition.op, condition.value);
    case 'frequencyScore':
      return numberTest(score(k.frequency), condition.op, condition.value);
    case 'monetaryScore':
      return numberTest(score(k.monetary), condition.op, condition.value);
    case 'orderCount':
      return numberTest((c: number) => k.orderCount[c] as number, condition.op, condition.value);
    case 'purchaseDays':
      return numberTest((c: number) => k.purchaseDays[c] as number, condition.op, condition.value);
    case 'daysSinceLastOrder':
      return numberTest((c: number) => (k.daysSinceLastOrder[c] === -1 ? null : (k.daysSinceLastOrder[c] as number)), condition.op, condition.value);
    case 'latestCsat':
      return numberTest((c: number) => (k.latestCsat[c] === NO_CODE ? null : (k.latestCsat[c] as number)), condition.op, condition.value);
    case 'latestNps':
      return numberTest((c: number) => (k.latestNps[c] === NO_CODE ? null : (k.latestNps[c] as number)), condition.op, condition.value);
    case 'totalSpent':
      // Never bought in that currency = spent 0 in it (evaluate.ts).
      if (condition.currency !== k.context.mainCurrency) return null;
      return numberTest((c: number) => k.mainSpend[c] as number, condition.op, condition.value);
    case 'averageTicket':
      if (condition.currency !== k.context.mainCurrency) return null;
      return numberTest((c: number) => (Number.isNaN(k.averageTicketMain[c]) ? null : (k.averageTicketMain[c] as number)), condition.op, condition.value);
    case 'createdAt':
      return createdAtTest(condition, k);
    case 'customField':
      return customFieldTest(condition, (c: number) => record(c).customFields);
    case 'archived': {
      const wanted = condition.value ? 1 : 0;
      return (c) => k.archived[c] === wanted;
    }
    case 'worthRecovering': {
      const wanted = condition.value ? 1 : 0;
      return (c) => k.worthRecovering[c] === wanted;
    }
    default:
      // channels, products, categories, origin: read from orders' strings the columns do not keep.
      return null;
  }
}

function createdAtTest(condition: Extract<SegmentCondition, { field: 'createdAt' }>, k: FactColumns): NumberPredicate {
  if (condition.op === 'withinLastDays') {
    const days = condition.value;
    return (c) => (k.daysSinceCreated[c] as number) <= days;
  }
  if (condition.op === 'between') {
    const from = parseInstantMs(condition.value[0]);
    const to = parseInstantMs(condition.value[1]);
    return (c) => (k.createdAt[c] as number) >= from && (k.createdAt[c] as number) <= to;
  }
  // before = strictly earlier, after = at or later.
  const at = parseInstantMs(condition.value);
  return condition.op === 'before' ? (c) => (k.createdAt[c] as number) < at : (c) => (k.createdAt[c] as number) >= at;
}
