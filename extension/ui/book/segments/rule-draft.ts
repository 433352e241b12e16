import {
  ACTIVITY_STATUSES,
  DEFAULT_FUNNEL_STAGES,
  IDENTITY_KINDS,
  LIFECYCLE_STAGES,
  ORDER_CHANNELS,
  ORIGIN_CLASSES,
  PURCHASE_CLASSES,
  RFM_SEGMENT_IDS,
  type ConditionField,
  type SegmentRule,
} from '../../../../core';
import type { LabelledEnum } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/translate';

/**
 * The rule builder's model: a flat group (all / any) of conditions as the seller types them (text), and how each
 * becomes a condition of core's rule language. The builder offers the fields a seller can fill with one value;
 * core checks what it is sent (segments/count), and its problems come back by condition.
 */

/** How a field's value is chosen: one of a list, a number, money in the main currency, a tag, a set member, text… */
export type FieldKind = 'choice' | 'number' | 'money' | 'tag' | 'member' | 'text' | 'recent' | 'flag';

export interface FieldSpec {
  field: ConditionField;
  kind: FieldKind;
  /** For choices and set members: the values, labelled by enumLabel's family. */
  family?: LabelledEnum;
  values?: readonly string[];
}

export const BUILDER_FIELDS: readonly FieldSpec[] = [
  { field: 'activity', kind: 'choice', family: 'activityStatus', values: ACTIVITY_STATUSES },
  { field: 'rfmSegment', kind: 'choice', family: 'rfmSegment', values: RFM_SEGMENT_IDS },
  { field: 'lifecycle', kind: 'choice', family: 'lifecycleStage', values: LIFECYCLE_STAGES },
  { field: 'purchaseClass', kind: 'choice', family: 'purchaseClass', values: PURCHASE_CLASSES },
  { field: 'origin', kind: 'choice', family: 'originClass', values: ORIGIN_CLASSES },
  { field: 'funnelStage', kind: 'choice', family: 'funnelStage', values: DEFAULT_FUNNEL_STAGES },
  { field: 'orderCount', kind: 'number' },
  { field: 'purchaseDays', kind: 'number' },
  { field: 'daysSinceLastOrder', kind: 'number' },
  { field: 'totalSpent', kind: 'money' },
  { field: 'averageTicket', kind: 'money' },
  { field: 'recencyScore', kind: 'number' },
  { field: 'frequencyScore', kind: 'number' },
  { field: 'monetaryScore', kind: 'number' },
  { field: 'latestCsat', kind: 'number' },
  { field: 'latestNps', kind: 'number' },
  { field: 'tags', kind: 'tag' },
  { field: 'channels', kind: 'member', family: 'orderChannel', values: ORDER_CHANNELS },
  { field: 'identityKinds', kind: 'member', family: 'identityKind', values: IDENTITY_KINDS },
  { field: 'products', kind: 'text' },
  { field: 'categories', kind: 'text' },
  { field: 'createdAt', kind: 'recent' },
  { field: 'worthRecovering', kind: 'flag' },
  { field: 'archived', kind: 'flag' },
];

const OPS: Record<FieldKind, readonly string[]> = {
  choice: ['eq', 'neq'],
  number: ['gte', 'lte', 'gt', 'lt', 'eq', 'between'],
  money: ['gte', 'lte', 'gt', 'lt', 'eq', 'between'],
  tag: ['hasAny', 'hasNone'],
  member: ['hasAny', 'hasNone'],
  text: ['contains'],
  recent: ['withinLastDays'],
  flag: ['eq'],
};

export interface DraftCondition {
  /** Stable for the row's life (keys, ids); not part of the rule. */
  key: number;
  field: ConditionField;
  op: string;
  value: string;
  /** The upper value of `between`. */
  value2: string;
}

export interface Draft {
  match: 'all' | 'any';
  conditions: DraftCondition[];
}

export function specOf(field: ConditionField): FieldSpec {
  return BUILDER_FIELDS.find((spec) => spec.field === field) ?? (BUILDER_FIELDS[0] as FieldSpec);
}

export function opsOf(field: ConditionField): readonly string[] {
  return OPS[specOf(field).kind];
}

/** The words of an operator for a field ("é", "pelo menos"…): `eq` of a number reads "igual a". */
export function opLabelKey(field: ConditionField, op: string): MessageKey {
  const kind = specOf(field).kind;
  return (op === 'eq' && (kind === 'number' || kind === 'money') ? 'rules.op.numEq' : `rules.op.${op}`) as MessageKey;
}

/** A new condition on `field`: its first operator, and a value when the field offers a list (the first tag given). */
export function newCondition(key: number, field: ConditionField, firstTag = ''): DraftCondition {
  const spec = specOf(field);
  const value = spec.kind === 'flag' ? 'true' : spec.kind === 'tag' ? firstTag : (spec.values?.[0] ?? '');
  return { key, field, op: OPS[spec.kind][0] as string, value, value2: '' };
}

/** The condition with another field: what was typed goes when the kind of value changes. */
export function withField(condition: DraftCondition, field: ConditionField, firstTag = ''): DraftCondition {
  if (specOf(field).kind === specOf(condition.field).kind && specOf(field).values === specOf(condition.field).values) return { ...condition, field };
  return newCondition(condition.key, field, firstTag);
}

/**
 * A number as typed ("1.234,5" or "12.5"); text that is not one is sent as is, for core to say "digite um
 * número" beside it; nothing typed is sent as missing.
 */
export function typedNumber(text: string, locale: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  // With a decimal comma, dots group thousands ("1.500"); a lone dot before other than three digits is a decimal point.
  const grouped = /^-?\d{1,3}(\.\d{3})+$/.test(trimmed);
  const normal = decimal !== ',' ? trimmed.replace(/,/g, '') : trimmed.includes(',') || grouped ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  const value = /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
  return Number.isFinite(value) ? value : trimmed;
}

/** Money typed in the currency's units ("150,90"), in minor units (15090). */
function typedMoney(text: string, locale: string, currency: string): number | string | undefined {
  const value = typedNumber(text, locale);
  if (typeof value !== 'number') return value;
  return Math.round(value * minorPerUnit(currency));
}

/** One condition as core's rule language writes it (not checked here: core checks it where it is counted). */
export function conditionJson(condition: DraftCondition, locale: string, currency: string): Record<string, unknown> {
  const { field, op, value, value2 } = condition;
  const kind = specOf(field).kind;
  switch (kind) {
    case 'number':
    case 'money': {
      const read = (text: string) => (kind === 'money' ? typedMoney(text, locale, currency) : typedNumber(text, locale));
      const money = kind === 'money' ? { currency } : {};
      return { field, ...money, op, value: op === 'between' ? [read(value), read(value2)] : read(value) };
    }
    case 'tag':
    case 'member':
      return { field, op, value: value === '' ? [] : [value] };
    case 'recent':
      return { field, op, value: typedNumber(value, locale) };
    case 'flag':
      return { field, op, value: value === 'true' };
    default:
      return { field, op, value };
  }
}

export function draftRule(draft: Draft, locale: string, currency: string): unknown {
  const conditions = draft.conditions.map((condition) => conditionJson(condition, locale, currency));
  return draft.match === 'all' ? { all: conditions } : { any: conditions };
}

/** The condition a problem's place (`all.2`) names, by its index in the draft; null for the whole rule. */
export function problemIndex(at: string): number | null {
  const [group, index] = at.split('.');
  if ((group !== 'all' && group !== 'any') || index === undefined) return null;
  return Number(index);
}

/** How many minor units make one of the currency (100 for BRL). */
function minorPerUnit(currency: string): number {
  return 10 ** (new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2);
}

/**
 * A saved rule back in the builder, when the builder can show it: one group (all / any) of conditions on its fields
 * and operators, one value each (money in `currency`); null otherwise (it is then kept, counted and opened, not edited).
 */
export function draftOf(rule: SegmentRule, locale: string, currency: string): Draft | null {
  if (!('all' in rule) && !('any' in rule)) return null;
  const match = 'all' in rule ? 'all' : 'any';
  const number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 });
  const conditions: DraftCondition[] = [];
  for (const [key, child] of ('all' in rule ? rule.all : rule.any).entries()) {
    if (!('field' in child) || !BUILDER_FIELDS.some((spec) => spec.field === child.field) || !opsOf(child.field).includes(child.op)) return null;
    const kind = specOf(child.field).kind;
    if (kind === 'money' && (!('currency' in child) || child.currency !== currency)) return null;
    const text = (value: unknown): string | null => {
      if (typeof value === 'number') return number.format(kind === 'money' ? value / minorPerUnit(currency) : value);
      if (typeof value === 'boolean') return String(value);
      if (typeof value === 'string') return value;
      return Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' ? value[0] : null;
    };
    const values = child.op === 'between' && Array.isArray(child.value) ? child.value.map(text) : [text(child.value)];
    if (values.some((value) => value === null)) return null;
    conditions.push({ key, field: child.field, op: child.op, value: values[0] as string, value2: (values[1] as string | undefined) ?? '' });
  }
  return { match, conditions };
}
