import { CONDITION_FIELDS, parseSegmentRule, segmentRuleSchema, type ConditionField, type SegmentRule } from '../../core';
import { translate, type Locale, type MessageKey } from '../i18n/translate';

/**
 * A problem of a rule as the seller reads it: `at` is the place of the condition in the rule (`all.2`, `all.2.any.0`;
 * '' for the whole rule), `part` what of it is wrong (field, op, value, currency…), `text` the problem in words,
 * naming the condition by its number and field ("Condição 3, Total gasto: digite um número").
 */
export interface RuleProblem {
  at: string;
  part: string | null;
  text: string;
}

export type CheckedRule = { ok: true; rule: SegmentRule } | { ok: false; problems: RuleProblem[] };

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** Validates a rule as the builder sent it; every problem in the seller's words (core's own texts are for developers). */
export function checkRule(json: unknown, locale: Locale): CheckedRule {
  const parsed = parseSegmentRule(json);
  if (parsed.ok) return { ok: true, rule: parsed.value };
  const result = segmentRuleSchema.safeParse(json);
  // Valid by the schema yet refused: nested deeper than core allows.
  if (result.success) return { ok: false, problems: [{ at: '', part: null, text: translate(locale, 'rules.problem.tooDeep') }] };
  return { ok: false, problems: result.error.issues.map((issue) => problemOf(issue as Issue, json, locale)) };
}

function problemOf(issue: Issue, rule: unknown, locale: Locale): RuleProblem {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  // The condition is the path up to its own keys: the last group index or `not`.
  let end = 0;
  for (let i = 0; i < path.length; i++) if (typeof path[i] === 'number' || path[i] === 'not') end = i + 1;
  const conditionPath = path.slice(0, end);
  const part = typeof path[end] === 'string' ? (path[end] as string) : null;
  // Core's groups pass their members' issues on without the input: it is read again from the rule.
  const problem = translate(locale, problemKey(issue, part, valueAt(rule, path)), { min: Number(issue.minimum ?? 0), max: Number(issue.maximum ?? 0) });
  if (part === null && conditionPath.length === 0) return { at: '', part: null, text: translate(locale, 'rules.problem.whole', { problem }) };
  const place = conditionPath.filter((key): key is number => typeof key === 'number').map((n) => n + 1).join('.') || '1';
  const text = translate(locale, 'rules.problem.at', { place, field: fieldLabel(rule, conditionPath, locale), problem });
  return { at: conditionPath.join('.'), part, text };
}

function problemKey(issue: Issue, part: string | null, input: unknown): MessageKey {
  if (part === 'field') return 'rules.problem.field';
  if (part === 'op') return 'rules.problem.op';
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return 'rules.problem.missing';
      if (issue.expected === 'int') return 'rules.problem.wholeNumber';
      return issue.expected === 'number' ? 'rules.problem.number' : 'rules.problem.invalid';
    case 'too_small':
      if (issue.origin === 'array') return 'rules.problem.chooseOne';
      return issue.origin === 'string' ? 'rules.problem.empty' : 'rules.problem.atLeast';
    case 'too_big':
      return issue.origin === 'number' ? 'rules.problem.atMost' : 'rules.problem.tooLong';
    case 'invalid_value':
      return 'rules.problem.choice';
    case 'invalid_format':
      return 'rules.problem.date';
    case 'custom':
      return part === 'value' ? 'rules.problem.range' : 'rules.problem.invalid';
    default:
      return 'rules.problem.invalid';
  }
}

/** The label of the field of the condition at `path`, when it is one core knows (money with its currency). */
function fieldLabel(rule: unknown, path: readonly (string | number)[], locale: Locale): string {
  const node = valueAt(rule, path) as { field?: unknown; currency?: unknown } | undefined;
  const field = typeof node === 'object' && node !== null ? node.field : undefined;
  if (typeof field !== 'string' || !(CONDITION_FIELDS as readonly string[]).includes(field)) return translate(locale, 'rules.problem.noField');
  return translate(locale, `rules.field.${field as ConditionField}` as MessageKey, { currency: typeof node?.currency === 'string' ? node.currency : '' });
}

function valueAt(rule: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = rule;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}
