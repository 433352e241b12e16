import { describe, expect, it } from 'vitest';
import { MAX_RULE_DEPTH, parseSavedSegment, parseSegmentRule, segmentRuleSchema } from './rules';

function problemsOf(json: unknown): string[] {
  const result = parseSegmentRule(json);
  if (result.ok) throw new Error('expected the rule to be refused');
  return result.problems.map((p) => `${p.field}: ${p.message}`);
}

describe('parseSegmentRule', () => {
  it('accepts nested groups and returns the rule', () => {
    const rule = {
      all: [
        { field: 'tags', op: 'hasAny', value: ['vip'] },
        { any: [{ field: 'activity', op: 'in', value: ['at-risk', 'inactive'] }, { not: { field: 'orderCount', op: 'lt', value: 2 } }] },
        { field: 'totalSpent', currency: 'BRL', op: 'between', value: [10_000, 50_000] },
        { field: 'customField', key: 'bairro', op: 'contains', value: 'centro' },
      ],
    };
    const result = parseSegmentRule(JSON.stringify(rule));
    expect(result).toEqual({ ok: true, value: rule });
  });

  it('names the bad operator deep inside groups', () => {
    const problems = problemsOf({
      all: [
        { field: 'tags', op: 'hasAny', value: ['a'] },
        { field: 'orderCount', op: 'gt', value: 1 },
        { any: [{ field: 'activity', op: 'gt', value: 'lost' }] },
      ],
    });
    expect(problems).toEqual(['all[2].any[0].op: op must be one of: eq, neq, in, notIn']);
  });

  it('names an unknown field, a bad value, a bad range and a bad currency', () => {
    expect(problemsOf({ any: [{ field: 'shoeSize', op: 'eq', value: 40 }] })[0]).toMatch(/^any\[0\]\.field: field must be one of: tags, /);
    expect(problemsOf({ not: { field: 'activity', op: 'eq', value: 'sleeping' } })[0]).toMatch(/^not\.value: value must be one of: prospect, new/);
    expect(problemsOf({ field: 'latestNps', op: 'between', value: [9, 3] })).toEqual(['value: must be [low, high] with low ≤ high']);
    expect(problemsOf({ field: 'totalSpent', currency: 'reais', op: 'gt', value: 1 })[0]).toMatch(/^currency: must be a three-letter ISO 4217 code/);
    expect(problemsOf({ field: 'totalSpent', currency: 'BRL', op: 'gt', value: 10.5 })[0]).toMatch(/^value: must be a whole number of minor units/);
    expect(problemsOf({ field: 'tags', op: 'hasAll', value: [] })).toEqual(['value: must list at least one value']);
  });

  it('refuses things that are not rules, extra keys and bad JSON', () => {
    expect(problemsOf({ all: [42] })).toEqual(['all[0]: must be a condition (with "field") or a group ("all", "any" or "not")']);
    expect(problemsOf({ all: [], any: [] })[0]).toMatch(/^\(rule\): Unrecognized key/);
    expect(problemsOf({ field: 'archived', op: 'eq', value: true, colour: 'red' })[0]).toMatch(/Unrecognized key.*colour/);
    expect(problemsOf('{"all": [')[0]).toMatch(/^\(rule\): is not valid JSON/);
  });

  it('refuses rules nested too deeply, naming where', () => {
    let rule: unknown = { field: 'archived', op: 'eq', value: false };
    for (let i = 0; i < MAX_RULE_DEPTH; i++) rule = { not: rule };
    expect(problemsOf(rule)[0]).toMatch(/^not(\.not)+: is nested too deeply/);
  });

  it('lets empty groups through (all = everyone, any = no one)', () => {
    expect(segmentRuleSchema.safeParse({ all: [] }).success).toBe(true);
    expect(segmentRuleSchema.safeParse({ any: [] }).success).toBe(true);
  });
});

describe('parseSavedSegment', () => {
  it('checks the envelope and names rule problems under rule', () => {
    const saved = {
      id: 's1',
      name: 'VIPs sumidos',
      rule: { field: 'daysSinceLastOrder', op: 'gte', value: 60 },
      createdAt: '2026-05-01T10:00:00Z',
      updatedAt: '2026-05-01T10:00:00Z',
    };
    expect(parseSavedSegment(saved).ok).toBe(true);
    const bad = parseSavedSegment({ ...saved, name: ' ', rule: { all: [{ field: 'daysSinceLastOrder', op: 'gte', value: -1 }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toBe('name: must not be empty; rule.all[0].value: must not be negative');
  });
});
