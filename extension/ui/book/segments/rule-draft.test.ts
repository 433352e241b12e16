import { describe, expect, it } from 'vitest';
import { parseSegmentRule } from '../../../../core';
import { conditionJson, draftOf, draftRule, newCondition, opsOf, problemIndex, typedNumber, withField } from './rule-draft';

describe('the rule builder’s draft', () => {
  it('reads numbers the seller’s way, and passes on what is not one for core to name', () => {
    expect(typedNumber('12', 'pt-BR')).toBe(12);
    expect(typedNumber('150,90', 'pt-BR')).toBe(150.9);
    expect(typedNumber('1.500', 'pt-BR')).toBe(1500);
    expect(typedNumber('1.500,25', 'pt-BR')).toBe(1500.25);
    expect(typedNumber('2.5', 'pt-BR')).toBe(2.5);
    expect(typedNumber('1,500.25', 'en')).toBe(1500.25);
    expect(typedNumber('  ', 'pt-BR')).toBeUndefined();
    expect(typedNumber('três', 'pt-BR')).toBe('três');
  });

  it('writes each kind of condition as core’s rule language takes it', () => {
    const money = { ...newCondition(1, 'totalSpent'), op: 'between', value: '100', value2: '250,50' };
    expect(conditionJson(money, 'pt-BR', 'BRL')).toEqual({ field: 'totalSpent', currency: 'BRL', op: 'between', value: [10_000, 25_050] });
    expect(conditionJson(newCondition(2, 'activity'), 'pt-BR', 'BRL')).toEqual({ field: 'activity', op: 'eq', value: 'prospect' });
    expect(conditionJson({ ...newCondition(3, 'tags', 't1') }, 'pt-BR', 'BRL')).toEqual({ field: 'tags', op: 'hasAny', value: ['t1'] });
    expect(conditionJson({ ...newCondition(4, 'worthRecovering'), value: 'false' }, 'pt-BR', 'BRL')).toEqual({ field: 'worthRecovering', op: 'eq', value: false });
    expect(conditionJson({ ...newCondition(5, 'createdAt'), value: '30' }, 'pt-BR', 'BRL')).toEqual({ field: 'createdAt', op: 'withinLastDays', value: 30 });
    // Every field and operator the builder offers makes a rule core accepts, once its value is filled in.
    for (const condition of [newCondition(0, 'orderCount'), newCondition(0, 'channels'), newCondition(0, 'products'), newCondition(0, 'funnelStage')]) {
      for (const op of opsOf(condition.field)) {
        const filled = { ...condition, op, value: condition.value || '3', value2: '5' };
        const parsed = parseSegmentRule(draftRule({ match: 'any', conditions: [filled] }, 'pt-BR', 'BRL'));
        expect(parsed.ok, `${condition.field} ${op}`).toBe(true);
      }
    }
  });

  it('keeps what was typed when the field keeps its kind of value, and starts over when it does not', () => {
    const typed = { ...newCondition(7, 'orderCount'), op: 'lt', value: '4' };
    expect(withField(typed, 'purchaseDays')).toEqual({ ...typed, field: 'purchaseDays' });
    expect(withField(typed, 'lifecycle')).toEqual({ key: 7, field: 'lifecycle', op: 'eq', value: 'prospect', value2: '' });
  });

  it('brings a saved rule back into the builder when it can show it, and writes it again the same', () => {
    const rule = { any: [{ field: 'totalSpent', currency: 'BRL', op: 'between', value: [10_050, 20_000] }, { field: 'tags', op: 'hasNone', value: ['vip'] }, { field: 'rfmSegment', op: 'neq', value: 'champions' }] };
    const parsed = parseSegmentRule(rule);
    if (!parsed.ok) throw new Error(parsed.message);
    const draft = draftOf(parsed.value, 'pt-BR', 'BRL');
    expect(draft?.conditions[0]).toMatchObject({ value: '100,5', value2: '200' });
    expect(draftRule(draft!, 'pt-BR', 'BRL')).toEqual(rule);
    const nested = parseSegmentRule({ all: [{ not: { field: 'orderCount', op: 'gte', value: 2 } }] });
    const euros = parseSegmentRule({ all: [{ field: 'totalSpent', currency: 'EUR', op: 'gt', value: 1 }] });
    const twoTags = parseSegmentRule({ all: [{ field: 'tags', op: 'hasAny', value: ['a', 'b'] }] });
    for (const other of [nested, euros, twoTags]) {
      if (!other.ok) throw new Error(other.message);
      expect(draftOf(other.value, 'pt-BR', 'BRL')).toBeNull();
    }
  });

  it('finds the condition a problem names', () => {
    expect(problemIndex('all.2')).toBe(2);
    expect(problemIndex('any.0')).toBe(0);
    expect(problemIndex('')).toBeNull();
  });
});
