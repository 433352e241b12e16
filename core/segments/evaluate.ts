import type { CustomerFacts } from './facts';
import type { SegmentCondition } from './rule-conditions';
import type { SegmentRule } from './rules';
import { choiceTest, customFieldTest, fold, numberTest, setTest } from './condition-tests';
import { parseInstantMs } from './time';

/** A compiled rule: a plain function over facts, so live counts are one pass without re-reading the rule. */
export type FactsPredicate = (facts: CustomerFacts) => boolean;

type Getter<T> = (facts: CustomerFacts) => T;

/** Compiles a validated rule (see parseSegmentRule) to a predicate; semantics are documented on SegmentRule. */
export function compileSegmentRule(rule: SegmentRule): FactsPredicate {
  if ('all' in rule) {
    const parts = rule.all.map(compileSegmentRule);
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in rule) {
    const parts = rule.any.map(compileSegmentRule);
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in rule) {
    const inner = compileSegmentRule(rule.not);
    return (f) => !inner(f);
  }
  return compileCondition(rule);
}

// Compiled predicates are kept per rule object (rules are immutable values once parsed).
const compiled = new WeakMap<SegmentRule, FactsPredicate>();

function predicateOf(rule: SegmentRule): FactsPredicate {
  let predicate = compiled.get(rule);
  if (predicate === undefined) {
    predicate = compileSegmentRule(rule);
    compiled.set(rule, predicate);
  }
  return predicate;
}

/** Does this customer belong to the segment? */
export function evaluateSegment(rule: SegmentRule, facts: CustomerFacts): boolean {
  return predicateOf(rule)(facts);
}

/** How many customers are in the segment: one compiled pass, O(customers × rule size). */
export function countSegment(rule: SegmentRule, factsList: Iterable<CustomerFacts>): number {
  const predicate = predicateOf(rule);
  let n = 0;
  for (const facts of factsList) if (predicate(facts)) n += 1;
  return n;
}

/** The customers in the segment, in input order. */
export function filterSegment(rule: SegmentRule, factsList: Iterable<CustomerFacts>): CustomerFacts[] {
  const predicate = predicateOf(rule);
  const out: CustomerFacts[] = [];
  for (const facts of factsList) if (predicate(facts)) out.push(facts);
  return out;
}

function compileCondition(c: SegmentCondition): FactsPredicate {
  switch (c.field) {
    case 'tags':
      return setTest((f) => f.tagIds, c.op, c.value, (v) => v);
    case 'identityKinds':
      return setTest((f) => f.identityKinds, c.op, c.value, (v) => v);
    case 'channels':
      return setTest((f) => f.channels, c.op, c.value, (v) => v);
    case 'retentionSignals':
      return setTest((f) => f.lifecycle.signals, c.op, c.value, (v) => v);
    case 'products':
    case 'categories': {
      const get: Getter<readonly string[]> = c.field === 'products' ? (f) => f.productNames : (f) => f.categories;
      if (c.op === 'contains') {
        const needle = fold(c.value);
        return (f) => get(f).some((name) => name.toLowerCase().includes(needle));
      }
      return setTest(get, c.op, c.value, fold);
    }
    case 'activity':
      return choiceTest((f) => f.activity.status, c.op, c.value);
    case 'rfmSegment':
      return choiceTest((f) => f.rfm?.segment ?? null, c.op, c.value);
    case 'lifecycle':
      return choiceTest((f) => f.lifecycle.stage, c.op, c.value);
    case 'origin':
      return choiceTest((f) => f.classes.origin, c.op, c.value);
    case 'purchaseClass':
      return choiceTest((f) => f.classes.purchase, c.op, c.value);
    case 'funnelStage':
      if (c.op === 'exists') return (f) => (f.funnelStage !== null) === c.value;
      return choiceTest((f) => f.funnelStage, c.op, c.value);
    case 'recencyScore':
      return numberTest((f) => f.rfm?.recency ?? null, c.op, c.value);
    case 'frequencyScore':
      return numberTest((f) => f.rfm?.frequency ?? null, c.op, c.value);
    case 'monetaryScore':
      return numberTest((f) => f.rfm?.monetary ?? null, c.op, c.value);
    case 'orderCount':
      return numberTest((f) => f.orderCount, c.op, c.value);
    case 'purchaseDays':
      return numberTest((f) => f.purchaseDays, c.op, c.value);
    case 'daysSinceLastOrder':
      return numberTest((f) => f.daysSinceLastOrder, c.op, c.value);
    case 'latestCsat':
      return numberTest((f) => f.latestCsat, c.op, c.value);
    case 'latestNps':
      return numberTest((f) => f.latestNps, c.op, c.value);
    case 'totalSpent': {
      // Never bought in that currency = spent 0 in it.
      const currency = c.currency;
      return numberTest((f) => f.totalSpentMinor[currency] ?? 0, c.op, c.value);
    }
    case 'averageTicket': {
      // No order in that currency = no ticket: only neq/notIn/exists false hold.
      const currency = c.currency;
      return numberTest((f) => f.averageTicketMinor[currency] ?? null, c.op, c.value);
    }
    case 'createdAt':
      if (c.op === 'withinLastDays') return (f) => f.daysSinceCreated <= c.value;
      if (c.op === 'between') {
        const [from, to] = [parseInstantMs(c.value[0]), parseInstantMs(c.value[1])];
        return (f) => f.createdAt >= from && f.createdAt <= to;
      }
      {
        // before = strictly earlier, after = at or later: the two split time with no gap or overlap.
        const at = parseInstantMs(c.value);
        return c.op === 'before' ? (f) => f.createdAt < at : (f) => f.createdAt >= at;
      }
    case 'customField':
      return customFieldTest(c, (f: CustomerFacts) => f.customFields);
    case 'archived':
      return (f) => f.archived === c.value;
    case 'worthRecovering':
      return (f) => f.lifecycle.worthRecovering === c.value;
  }
  // Only reachable with a rule that skipped parseSegmentRule.
  const unknown: never = c;
  throw new TypeError(`unknown condition field in ${JSON.stringify(unknown)}`);
}
