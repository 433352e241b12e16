import { describe, expect, it } from 'vitest';
import { parseGoal } from '../../../../core';
import { draftOf, presetSpan, targetOf } from './goal-draft';

describe('the goal form’s reading', () => {
  it('names the calendar month and quarter around today', () => {
    expect(presetSpan('month', '2028-02-10')).toEqual({ start: '2028-02-01', deadline: '2028-02-29' });
    expect(presetSpan('month', '2027-12-31')).toEqual({ start: '2027-12-01', deadline: '2027-12-31' });
    expect(presetSpan('quarter', '2027-11-15')).toEqual({ start: '2027-10-01', deadline: '2027-12-31' });
    expect(presetSpan('quarter', '2027-03-31')).toEqual({ start: '2027-01-01', deadline: '2027-03-31' });
  });

  it('reads targets typed the seller’s way', () => {
    expect(targetOf('money', '150')).toBe(15_000);
    expect(targetOf('money', 'R$ 150,00')).toBe(15_000);
    expect(targetOf('money', '1.234,5')).toBe(123_450);
    expect(targetOf('money', '0')).toBeNull();
    expect(targetOf('money', 'cento e cinquenta')).toBeNull();
    expect(targetOf('percent', '70 %')).toBe(70);
    expect(targetOf('percent', '72,5')).toBe(72.5);
    expect(targetOf('percent', '101')).toBeNull();
    expect(targetOf('count', '20')).toBe(20);
    expect(targetOf('count', '2,5')).toBeNull();
    expect(targetOf('count', '0')).toBeNull();
  });

  it('makes a draft the schema accepts, or an error per field', () => {
    const fields = { name: ' ', metric: 'recoveredCustomers' as const, target: '20', period: 'month' as const, deadline: '' };
    const made = draftOf(fields, '2027-03-10', null);
    expect(made).toEqual({ draft: { metric: 'recoveredCustomers', target: 20, start: '2027-03-01', deadline: '2027-03-31' } });
    if ('draft' in made) expect(() => parseGoal({ ...made.draft, id: 'x' })).not.toThrow();
    expect(draftOf({ ...fields, target: 'vinte', period: 'custom', deadline: '2027-03-09', name: 'x'.repeat(121) }, '2027-03-10', null)).toEqual({
      errors: { name: 'goals.error.name', target: 'goals.error.target.count', deadline: 'goals.error.deadline' },
    });
    expect(draftOf({ ...fields, period: 'custom', deadline: '2030-01-01' }, '2027-03-10', null)).toEqual({ errors: { deadline: 'goals.error.deadlineTooFar' } });
    // An edited goal keeps its id, start and currency.
    const editing = parseGoal({ id: 'g', metric: 'revenue', target: 100, currency: 'BRL', start: '2027-01-01', deadline: '2027-03-31' });
    expect(draftOf({ ...fields, metric: 'revenue', target: '150', period: 'custom', deadline: '2027-04-30' }, '2027-03-10', editing)).toEqual({
      draft: { id: 'g', metric: 'revenue', target: 15_000, currency: 'BRL', start: '2027-01-01', deadline: '2027-04-30' },
    });
  });
});
