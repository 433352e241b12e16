import fc from 'fast-check';
import { IDENTITY_KINDS, ORDER_CHANNELS } from '../../model';
import { ACTIVITY_STATUSES } from '../activity';
import { ORIGIN_CLASSES, PURCHASE_CLASSES } from '../classes';
import { LIFECYCLE_STAGES } from '../lifecycle';
import { RFM_SEGMENT_IDS } from '../rfm-segments';
import { CONDITION_FIELDS } from '../rule-conditions';
import { type SegmentRule, parseSegmentRule } from '../rules';
import { NOW } from './builders';
import { DAY_MS } from '../time';

const pickSome = <T>(list: readonly T[]) => fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: 3 });
const setOp = fc.constantFrom('hasAny', 'hasAll', 'hasNone');
const choiceOp = fc.constantFrom('eq', 'neq', 'in', 'notIn');

/** The number operators, with values drawn from `value` (ordered pairs for between). */
function numberRule(field: string, value: fc.Arbitrary<number>, extra: Record<string, unknown> = {}, exists = false) {
  const ops: fc.Arbitrary<Record<string, unknown>>[] = [
    fc.record({ op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte'), value }),
    fc.record({ op: fc.constantFrom('in', 'notIn'), value: fc.array(value, { minLength: 1, maxLength: 3 }) }),
    fc.tuple(value, value).map(([a, b]) => ({ op: 'between', value: [Math.min(a, b), Math.max(a, b)] })),
  ];
  if (exists) ops.push(fc.record({ op: fc.constant('exists'), value: fc.boolean() }));
  return fc.oneof(...ops).map((rest) => ({ field, ...extra, ...rest }));
}

function choiceRule(field: string, list: readonly string[]) {
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom(...list) }),
    fc.record({ field: fc.constant(field), op: choiceOp.filter((op) => op === 'in' || op === 'notIn'), value: pickSome(list) }),
  );
}

const setRule = (field: string, list: readonly string[]) => fc.record({ field: fc.constant(field), op: setOp, value: pickSome(list) });
const instant = fc.integer({ min: -1_000, max: 10 }).map((days) => new Date(NOW + days * DAY_MS).toISOString());

/** One condition of each field of the rule language (CONDITION_FIELDS), values near those of random-book.ts. */
const conditions: Record<(typeof CONDITION_FIELDS)[number], fc.Arbitrary<unknown>> = {
  tags: setRule('tags', ['vip', 'atacado']),
  identityKinds: setRule('identityKinds', IDENTITY_KINDS),
  channels: setRule('channels', ORDER_CHANNELS),
  retentionSignals: setRule('retentionSignals', ['at-risk', 'falling-frequency', 'bad-rating']),
  products: fc.oneof(setRule('products', ['Bolo de pote', 'bolo de pote ']), fc.record({ field: fc.constant('products'), op: fc.constant('contains'), value: fc.constantFrom('bolo', 'x') })),
  categories: setRule('categories', ['doces', 'roupas']),
  activity: choiceRule('activity', ACTIVITY_STATUSES),
  rfmSegment: choiceRule('rfmSegment', RFM_SEGMENT_IDS),
  lifecycle: choiceRule('lifecycle', LIFECYCLE_STAGES),
  origin: choiceRule('origin', ORIGIN_CLASSES),
  purchaseClass: choiceRule('purchaseClass', PURCHASE_CLASSES),
  funnelStage: fc.oneof(choiceRule('funnelStage', ['lead', 'customer']), fc.record({ field: fc.constant('funnelStage'), op: fc.constant('exists'), value: fc.boolean() })),
  recencyScore: numberRule('recencyScore', fc.integer({ min: 1, max: 5 }), {}, true),
  frequencyScore: numberRule('frequencyScore', fc.integer({ min: 1, max: 5 }), {}, true),
  monetaryScore: numberRule('monetaryScore', fc.integer({ min: 1, max: 5 }), {}, true),
  orderCount: numberRule('orderCount', fc.nat(6)),
  purchaseDays: numberRule('purchaseDays', fc.nat(6)),
  daysSinceLastOrder: numberRule('daysSinceLastOrder', fc.nat(120), {}, true),
  latestCsat: numberRule('latestCsat', fc.nat(5), {}, true),
  latestNps: numberRule('latestNps', fc.nat(10), {}, true),
  totalSpent: fc.constantFrom('BRL', 'EUR', 'USD').chain((currency) => numberRule('totalSpent', fc.nat(100_000), { currency })),
  averageTicket: fc.constantFrom('BRL', 'EUR', 'USD').chain((currency) => numberRule('averageTicket', fc.nat(60_000), { currency })),
  createdAt: fc.oneof(
    fc.record({ field: fc.constant('createdAt'), op: fc.constantFrom('before', 'after'), value: instant }),
    fc.tuple(instant, instant).map(([a, b]) => ({ field: 'createdAt', op: 'between', value: a <= b ? [a, b] : [b, a] })),
    fc.record({ field: fc.constant('createdAt'), op: fc.constant('withinLastDays'), value: fc.nat(1_000) }),
  ),
  customField: fc.oneof(
    fc.record({ field: fc.constant('customField'), key: fc.constantFrom('cidade', 'pedidos'), op: fc.constantFrom('eq', 'neq'), value: fc.constantFrom('recife', 'Recife ', 3, null, true) }),
    fc.record({ field: fc.constant('customField'), key: fc.constant('cidade'), op: fc.constant('contains'), value: fc.constant('ci') }),
    fc.record({ field: fc.constant('customField'), key: fc.constantFrom('cidade', 'pedidos'), op: fc.constant('exists'), value: fc.boolean() }),
    fc.record({ field: fc.constant('customField'), key: fc.constant('pedidos'), op: fc.constantFrom('gt', 'lte'), value: fc.nat(5) }),
  ),
  archived: fc.record({ field: fc.constant('archived'), op: fc.constant('eq'), value: fc.boolean() }),
  worthRecovering: fc.record({ field: fc.constant('worthRecovering'), op: fc.constant('eq'), value: fc.boolean() }),
};

/** A condition of any field. */
export const randomCondition = fc.oneof(...Object.values(conditions));

/** Rules of conditions of every field, nested in all/any/not groups, parsed (so valid). */
export const randomRule: fc.Arbitrary<SegmentRule> = fc
  .letrec((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      randomCondition,
      fc.record({ all: fc.array(tie('rule'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('rule'), { maxLength: 3 }) }),
      fc.record({ not: tie('rule') }),
    ),
  }))
  .rule.map((json) => {
    const parsed = parseSegmentRule(json);
    if (!parsed.ok) throw new Error(`random rule is not valid: ${parsed.message} in ${JSON.stringify(json)}`);
    return parsed.value;
  });
