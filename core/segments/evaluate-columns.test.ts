import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentationEngine } from './engine';
import { countSegment, filterSegment } from './evaluate';
import { compileColumnRule } from './evaluate-columns';
import { randomBook } from './testing/random-book';
import { randomCondition, randomRule } from './testing/random-rule';
import { parseSegmentRule } from './rules';

describe('rules over the fact columns', () => {
  it('count as countSegment over every customer’s facts, for random rules of every field (property)', () => {
    let fromColumns = 0;
    fc.assert(
      fc.property(randomBook, fc.array(randomRule, { minLength: 1, maxLength: 6 }), (book, rules) => {
        const engine = new SegmentationEngine(book, { mainCurrency: book.mainCurrency, timeZone: book.timeZone, now: book.now });
        const facts = engine.allFacts();
        for (const rule of rules) {
          const predicate = compileColumnRule(rule, engine.factColumns());
          if (predicate !== null) fromColumns += 1;
          expect(engine.count(rule), JSON.stringify(rule)).toBe(countSegment(rule, facts));
        }
      }),
      { numRuns: 300 },
    );
    // Most rules are answered from the columns, not by the fallback.
    expect(fromColumns).toBeGreaterThan(300);
  });

  it('count every single condition as the facts do (property)', () => {
    fc.assert(
      fc.property(randomBook, fc.array(randomCondition, { minLength: 5, maxLength: 20 }), (book, conditions) => {
        const engine = new SegmentationEngine(book, { mainCurrency: book.mainCurrency, timeZone: book.timeZone, now: book.now });
        const facts = engine.allFacts();
        for (const json of conditions) {
          const parsed = parseSegmentRule(json);
          if (!parsed.ok) throw new Error(parsed.message);
          expect(engine.count(parsed.value), JSON.stringify(json)).toBe(countSegment(parsed.value, facts));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('list as members exactly the customers the facts path judges in, as many as count (property)', () => {
    fc.assert(
      fc.property(randomBook, fc.array(randomRule, { minLength: 1, maxLength: 6 }), (book, rules) => {
        const engine = new SegmentationEngine(book, { mainCurrency: book.mainCurrency, timeZone: book.timeZone, now: book.now });
        const facts = engine.allFacts();
        for (const rule of rules) {
          const ids = engine.matchingIds(rule);
          const expected = filterSegment(rule, facts).map((f) => f.customerId);
          expect(ids.length, JSON.stringify(rule)).toBe(engine.count(rule));
          expect([...ids].sort(), JSON.stringify(rule)).toEqual([...expected].sort());
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leave to the facts what the columns do not hold', () => {
    const engine = new SegmentationEngine({ customers: [], orders: [], feedback: [] }, { mainCurrency: 'BRL', timeZone: 'UTC', now: 0 });
    const columns = engine.factColumns();
    const rule = (json: unknown) => {
      const parsed = parseSegmentRule(json);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(compileColumnRule(rule({ field: 'channels', op: 'hasAny', value: ['store'] }), columns)).toBeNull();
    expect(compileColumnRule(rule({ all: [{ field: 'archived', op: 'eq', value: false }, { field: 'totalSpent', currency: 'EUR', op: 'gt', value: 0 }] }), columns)).toBeNull();
    expect(compileColumnRule(rule({ not: { field: 'totalSpent', currency: 'BRL', op: 'gt', value: 0 } }), columns)).not.toBeNull();
  });
});
