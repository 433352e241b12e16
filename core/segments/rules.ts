import { z } from '../zod';
import { type FieldProblem, fieldProblems, isoDateTime, recordId } from '../model';
import { type ConditionField, type SegmentCondition, segmentConditionSchema } from './rule-conditions';

/**
 * A custom segment, as saved JSON:
 *   { all: Rule[] }  every sub-rule holds (an empty list matches everyone)
 *   { any: Rule[] }  at least one holds (an empty list matches no one)
 *   { not: Rule }
 *   Condition        { field, op, value } — see rule-conditions.ts for fields and operators.
 * Missing values (no order yet, no rating, not scored): comparisons, eq, in and hasAny/hasAll are false; neq, notIn
 * and hasNone are true ("not a champion" includes prospects); exists tells them apart.
 */
export type SegmentRule = { readonly all: readonly SegmentRule[] } | { readonly any: readonly SegmentRule[] } | { readonly not: SegmentRule } | SegmentCondition;

/** Deepest nesting accepted; deeper JSON is refused before it can exhaust the stack. */
export const MAX_RULE_DEPTH = 32;

const allSchema = z.strictObject({ all: z.array(z.lazy(() => segmentRuleSchema)) });
const anySchema = z.strictObject({ any: z.array(z.lazy(() => segmentRuleSchema)) });
const notSchema = z.strictObject({ not: z.lazy(() => segmentRuleSchema) });

/**
 * Zod schema of a rule. The branch is chosen by key (all / any / not / field) and that branch's issues are passed
 * on with their paths, so errors name the bad part (`all[2].any[0].op: …`) instead of "no union member matched".
 */
export const segmentRuleSchema: z.ZodType<SegmentRule> = z.unknown().transform((input, ctx): SegmentRule => {
  const branch = branchFor(input);
  if (branch === null) {
    ctx.issues.push({ code: 'custom', input, message: 'must be a condition (with "field") or a group ("all", "any" or "not")' });
    return z.NEVER;
  }
  const result = branch.safeParse(input);
  if (result.success) return result.data as SegmentRule;
  for (const issue of result.error.issues) ctx.issues.push({ ...issue, input: undefined } as (typeof ctx.issues)[number]);
  return z.NEVER;
});

function branchFor(input: unknown): z.ZodType | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  if ('all' in input) return allSchema;
  if ('any' in input) return anySchema;
  if ('not' in input) return notSchema;
  if ('field' in input) return segmentConditionSchema;
  return null;
}

/** Every field a (validated) rule's conditions read, at any depth. */
export function ruleFields(rule: SegmentRule): Set<ConditionField> {
  const fields = new Set<ConditionField>();
  const stack: SegmentRule[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop() as SegmentRule;
    if ('all' in node) stack.push(...node.all);
    else if ('any' in node) stack.push(...node.any);
    else if ('not' in node) stack.push(node.not);
    else fields.add(node.field);
  }
  return fields;
}

/** A segment the seller saved under a name. */
export const savedSegmentSchema = z.strictObject({
  id: recordId,
  name: z.string().trim().min(1, 'must not be empty').max(100, 'is too long (100 characters at most)'),
  rule: segmentRuleSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type SavedSegment = z.infer<typeof savedSegmentSchema>;

export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem[]; readonly message: string };

/**
 * Parses a rule from JSON text or an already-parsed value. On failure every problem names its place, e.g.
 * `all[2].any[0].op: op must be one of: eq, neq, in, notIn`.
 */
export function parseSegmentRule(json: unknown): ParseResult<SegmentRule> {
  return parseWith(segmentRuleSchema, json, '');
}

/** Parses a saved segment (`{ id, name, rule, createdAt, updatedAt }`) the same way. */
export function parseSavedSegment(json: unknown): ParseResult<SavedSegment> {
  return parseWith(savedSegmentSchema, json, 'rule');
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, ruleKey: string): ParseResult<T> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return failure([{ field: '(rule)', message: `is not valid JSON (${(error as Error).message})` }]);
    }
  }
  const tooDeep = findTooDeep(ruleKey === '' ? value : (value as Record<string, unknown> | null)?.[ruleKey], ruleKey);
  if (tooDeep !== null) return failure([{ field: tooDeep, message: `is nested too deeply (${MAX_RULE_DEPTH} levels at most)` }]);
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return failure(fieldProblems(result.error).map((p) => (p.field === '(record)' ? { ...p, field: '(rule)' } : p)));
}

function failure(problems: FieldProblem[]): ParseResult<never> {
  return { ok: false, problems, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
}

/** Path of the first group nested deeper than MAX_RULE_DEPTH, walking without recursion; null when fine. */
function findTooDeep(root: unknown, base: string): string | null {
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: root, path: base, depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop() as { node: unknown; path: string; depth: number };
    if (typeof node !== 'object' || node === null) continue;
    if (depth > MAX_RULE_DEPTH) return path || '(rule)';
    const record = node as Record<string, unknown>;
    const prefix = path ? `${path}.` : '';
    if (Array.isArray(record.all)) record.all.forEach((child, i) => stack.push({ node: child, path: `${prefix}all[${i}]`, depth: depth + 1 }));
    if (Array.isArray(record.any)) record.any.forEach((child, i) => stack.push({ node: child, path: `${prefix}any[${i}]`, depth: depth + 1 }));
    if ('not' in record) stack.push({ node: record.not, path: `${prefix}not`, depth: depth + 1 });
  }
  return null;
}
