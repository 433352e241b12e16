import { z } from '../zod';
import { IDENTITY_KINDS, ORDER_CHANNELS, currencyCode, isoDateTime } from '../model';
import { ACTIVITY_STATUSES } from './activity';
import { ORIGIN_CLASSES, PURCHASE_CLASSES } from './classes';
import { LIFECYCLE_STAGES } from './lifecycle';
import { RFM_SEGMENT_IDS } from './rfm-segments';

/*
 * Conditions of the segment rule language, one per field. Which operators a field takes:
 *   sets (tags, identityKinds, channels, retentionSignals): hasAny, hasAll, hasNone; products/categories also contains
 *   choices (activity, rfmSegment, lifecycle, origin, purchaseClass, funnelStage): eq, neq, in, notIn
 *   numbers: eq, neq, gt, gte, lt, lte, between, in, notIn; fields that can be missing also take exists
 *   money (totalSpent, averageTicket): the number operators on minor units of one `currency`
 *   createdAt: before, after, between (ISO instants), withinLastDays
 *   customField (by `key`): eq, neq, contains, exists, gt, gte, lt, lte, between
 *   flags (archived, worthRecovering): eq
 */

const oneOf = (what: string, options: readonly string[]) => ({ error: `${what} must be one of: ${options.join(', ')}` });

function setMembers<F extends string, V extends z.ZodType>(field: F, item: V) {
  return [
    z.strictObject({
      field: z.literal(field),
      op: z.enum(['hasAny', 'hasAll', 'hasNone']),
      value: z.array(item).min(1, 'must list at least one value'),
    }),
  ] as const;
}

function setCondition<F extends string, V extends z.ZodType>(field: F, item: V) {
  return z.discriminatedUnion('op', setMembers(field, item), oneOf('op', ['hasAny', 'hasAll', 'hasNone']));
}

/** Set of free-text values (products, categories): also `contains` a piece of text, ignoring case. */
function textSetCondition<F extends string>(field: F) {
  const text = z.string().trim().min(1, 'must not be empty').max(200);
  return z.discriminatedUnion(
    'op',
    [...setMembers(field, text), z.strictObject({ field: z.literal(field), op: z.literal('contains'), value: text })],
    oneOf('op', ['hasAny', 'hasAll', 'hasNone', 'contains']),
  );
}

function choiceCondition<F extends string, const T extends readonly [string, ...string[]]>(field: F, options: T) {
  const choice = z.enum(options, oneOf('value', options));
  return z.discriminatedUnion(
    'op',
    [
      z.strictObject({ field: z.literal(field), op: z.enum(['eq', 'neq']), value: choice }),
      z.strictObject({ field: z.literal(field), op: z.enum(['in', 'notIn']), value: z.array(choice).min(1, 'must list at least one value') }),
    ],
    oneOf('op', ['eq', 'neq', 'in', 'notIn']),
  );
}

const NUMBER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'notIn'] as const;

function range(num: z.ZodNumber) {
  return z.tuple([num, num], { error: 'must be [low, high]' }).refine(([low, high]) => low <= high, 'must be [low, high] with low ≤ high');
}

/** The number operators for `field`; `shape` adds fields every member has (the currency of money conditions). */
function numberMembers<F extends string, V extends z.ZodNumber, S extends z.ZodRawShape>(field: F, num: V, shape: S) {
  return [
    z.strictObject({ field: z.literal(field), ...shape, op: z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte']), value: num }),
    z.strictObject({ field: z.literal(field), ...shape, op: z.literal('between'), value: range(num) }),
    z.strictObject({ field: z.literal(field), ...shape, op: z.enum(['in', 'notIn']), value: z.array(num).min(1, 'must list at least one value') }),
  ] as const;
}

function existsMember<F extends string>(field: F) {
  return z.strictObject({ field: z.literal(field), op: z.literal('exists'), value: z.boolean() });
}

function numberCondition<F extends string>(field: F, num: z.ZodNumber) {
  return z.discriminatedUnion('op', numberMembers(field, num, {}), oneOf('op', NUMBER_OPS));
}

/** A number the customer may not have (no order yet, no rating yet, not scored). */
function optionalNumberCondition<F extends string>(field: F, num: z.ZodNumber) {
  return z.discriminatedUnion('op', [...numberMembers(field, num, {}), existsMember(field)], oneOf('op', [...NUMBER_OPS, 'exists']));
}

/** Spend in one currency, in minor units: money is never compared across currencies. */
function moneyCondition<F extends string>(field: F) {
  const minor = z.number().int('must be a whole number of minor units (centavos)').safe();
  return z.discriminatedUnion('op', numberMembers(field, minor, { currency: currencyCode }), oneOf('op', NUMBER_OPS));
}

const count = z.number().int('must be a whole number').nonnegative('must not be negative');
const score = (max: number) => z.number().int('must be a whole number').min(0).max(max, `must be at most ${max}`);
const rfmScore = z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const days = z.number().nonnegative('must not be negative').finite();

const createdAtCondition = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ field: z.literal('createdAt'), op: z.enum(['before', 'after']), value: isoDateTime }),
    z.strictObject({
      field: z.literal('createdAt'),
      op: z.literal('between'),
      value: z.tuple([isoDateTime, isoDateTime], { error: 'must be [from, to]' }).refine(([a, b]) => Date.parse(a) <= Date.parse(b), 'must be [from, to] with from ≤ to'),
    }),
    z.strictObject({ field: z.literal('createdAt'), op: z.literal('withinLastDays'), value: days }),
  ],
  oneOf('op', ['before', 'after', 'between', 'withinLastDays']),
);

const fieldKey = z.string().trim().min(1, 'must not be empty').max(60);
const customFieldCondition = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ field: z.literal('customField'), key: fieldKey, op: z.enum(['eq', 'neq']), value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
    z.strictObject({ field: z.literal('customField'), key: fieldKey, op: z.literal('contains'), value: z.string().min(1, 'must not be empty') }),
    z.strictObject({ field: z.literal('customField'), key: fieldKey, op: z.literal('exists'), value: z.boolean() }),
    z.strictObject({ field: z.literal('customField'), key: fieldKey, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number().finite() }),
    z.strictObject({ field: z.literal('customField'), key: fieldKey, op: z.literal('between'), value: range(z.number().finite()) }),
  ],
  oneOf('op', ['eq', 'neq', 'contains', 'exists', 'gt', 'gte', 'lt', 'lte', 'between']),
);

const flagCondition = <F extends string>(field: F) => z.strictObject({ field: z.literal(field), op: z.literal('eq', oneOf('op', ['eq'])), value: z.boolean() });

const funnelStageCondition = z.discriminatedUnion(
  'op',
  [
    z.strictObject({ field: z.literal('funnelStage'), op: z.enum(['eq', 'neq']), value: z.string().min(1).max(60) }),
    z.strictObject({ field: z.literal('funnelStage'), op: z.enum(['in', 'notIn']), value: z.array(z.string().min(1).max(60)).min(1, 'must list at least one value') }),
    existsMember('funnelStage'),
  ],
  oneOf('op', ['eq', 'neq', 'in', 'notIn', 'exists']),
);

export const CONDITION_FIELDS = [
  'tags', 'identityKinds', 'channels', 'retentionSignals', 'products', 'categories', 'activity', 'rfmSegment',
  'lifecycle', 'origin', 'purchaseClass', 'funnelStage', 'recencyScore', 'frequencyScore', 'monetaryScore',
  'orderCount', 'purchaseDays', 'daysSinceLastOrder', 'latestCsat', 'latestNps', 'totalSpent', 'averageTicket',
  'createdAt', 'customField', 'archived', 'worthRecovering',
] as const;

/** One condition of a segment rule, chosen by its `field`. */
export const segmentConditionSchema = z.discriminatedUnion(
  'field',
  [
    setCondition('tags', z.string().min(1, 'must not be empty').max(100)),
    setCondition('identityKinds', z.enum(IDENTITY_KINDS, oneOf('value', IDENTITY_KINDS))),
    setCondition('channels', z.enum(ORDER_CHANNELS, oneOf('value', ORDER_CHANNELS))),
    setCondition('retentionSignals', z.enum(['at-risk', 'falling-frequency', 'bad-rating'], oneOf('value', ['at-risk', 'falling-frequency', 'bad-rating']))),
    textSetCondition('products'),
    textSetCondition('categories'),
    choiceCondition('activity', ACTIVITY_STATUSES),
    choiceCondition('rfmSegment', RFM_SEGMENT_IDS),
    choiceCondition('lifecycle', LIFECYCLE_STAGES),
    choiceCondition('origin', ORIGIN_CLASSES),
    choiceCondition('purchaseClass', PURCHASE_CLASSES),
    funnelStageCondition,
    optionalNumberCondition('recencyScore', rfmScore),
    optionalNumberCondition('frequencyScore', rfmScore),
    optionalNumberCondition('monetaryScore', rfmScore),
    numberCondition('orderCount', count),
    numberCondition('purchaseDays', count),
    optionalNumberCondition('daysSinceLastOrder', days),
    optionalNumberCondition('latestCsat', score(5)),
    optionalNumberCondition('latestNps', score(10)),
    moneyCondition('totalSpent'),
    moneyCondition('averageTicket'),
    createdAtCondition,
    customFieldCondition,
    flagCondition('archived'),
    flagCondition('worthRecovering'),
  ],
  oneOf('field', CONDITION_FIELDS),
);
export type SegmentCondition = z.infer<typeof segmentConditionSchema>;
export type ConditionField = SegmentCondition['field'];
