import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex, withinEdits } from './term-index';

const slotsWithPrefix = (index: TermIndex, prefix: string) => {
  const ids = new Set<string>();
  index.eachSlotWithPrefix(prefix, (slot) => ids.add(index.idAt(slot)));
  return [...ids].sort();
};
/** Each (term, id) pair an index visits for a prefix, sorted: a slot visited twice for one term would show. */
const visits = (index: TermIndex, prefix: string, accept?: (term: string) => boolean) => {
  const seen: string[] = [];
  let term = '';
  index.eachSlotWithPrefix(prefix, (slot) => seen.push(`${term}|${index.idAt(slot)}`), accept && ((t) => ((term = t), accept(t))));
  return accept ? seen.sort() : seen.length;
};

describe('TermIndex', () => {
  it('finds documents by term prefix, after a bulk load and after single edits', () => {
    const index = new TermIndex();
    index.set('a', ['n:ana', 'n:souza'], true);
    index.set('b', ['n:anabela', 't:vip'], true);
    index.set('c', ['n:bruno'], true);
    expect(slotsWithPrefix(index, 'n:ana')).toEqual(['a', 'b']);
    expect(slotsWithPrefix(index, 'n:anab')).toEqual(['b']);
    index.set('d', ['n:anita']);
    index.set('a', ['n:carla']);
    expect(slotsWithPrefix(index, 'n:an')).toEqual(['b', 'd']);
    expect(slotsWithPrefix(index, 'n:')).toEqual(['a', 'b', 'c', 'd']);
    index.delete('b');
    expect(slotsWithPrefix(index, 'n:ana')).toEqual([]);
    expect(slotsWithPrefix(index, 't:')).toEqual([]);
    expect(index.size).toBe(3);
  });

  it('answers alike before and after a seal, and after edits and deletes made since', () => {
    const index = new TermIndex();
    index.set('a', ['n:ana', 'n:souza', '#:11987654321'], true);
    index.set('b', ['n:anabela', 't:vip'], true);
    index.set('c', ['n:bruno', 'n:ana'], true);
    index.seal();
    expect(slotsWithPrefix(index, 'n:ana')).toEqual(['a', 'b', 'c']);
    expect(slotsWithPrefix(index, '#:1198')).toEqual(['a']);
    const exact: string[] = [];
    index.eachSlotOf('n:ana', (slot) => exact.push(index.idAt(slot)));
    expect(exact.sort()).toEqual(['a', 'c']);
    // After the seal: a changed document answers with its new terms only, a deleted one not at all.
    index.set('a', ['n:carla']);
    index.delete('b');
    index.set('d', ['n:anita', 't:vip']);
    expect(slotsWithPrefix(index, 'n:an')).toEqual(['c', 'd']);
    expect(slotsWithPrefix(index, 'n:car')).toEqual(['a']);
    expect(slotsWithPrefix(index, '#:')).toEqual([]);
    expect(slotsWithPrefix(index, 't:vip')).toEqual(['d']);
    // The slot freed after the seal, given to another document, brings none of the old one's sealed terms.
    expect(index.slotOf('d')).toBe(1);
    expect(slotsWithPrefix(index, 'n:anab')).toEqual([]);
    index.set('e', ['n:eva']);
    index.seal();
    expect(slotsWithPrefix(index, 'n:')).toEqual(['a', 'c', 'd', 'e']);
    expect(slotsWithPrefix(index, 'n:an')).toEqual(['c', 'd']);
    expect(slotsWithPrefix(index, 'n:anab')).toEqual([]);
  });

  it('visits each slot of each matching term once, sealed or live, in any order of edits and seals (property)', () => {
    const term = fc.constantFrom('n:ana', 'n:anabela', 'n:bia', 'n:b', 't:vip', 't:v', '#:119876', '#:11', 'n:ção', 'n:\u{1f600}x');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 7 }), terms: fc.array(term, { maxLength: 4 }), bulk: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('seal' as const) }),
    );
    const prefixes = ['', 'n:', 'n:a', 'n:ana', 'n:anab', 'n:b', 't:', 't:vip', '#:1', '#:119', 'n:ç', 'n:\u{1f600}', 'x'];
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const index = new TermIndex();
        const model = new Map<string, Set<string>>();
        for (const step of ops) {
          if (step.kind === 'seal') index.seal();
          else if (step.kind === 'delete') {
            index.delete(`d${step.id}`);
            model.delete(`d${step.id}`);
          } else {
            index.set(`d${step.id}`, step.terms, step.bulk);
            model.set(`d${step.id}`, new Set(step.terms));
          }
          for (const prefix of prefixes) {
            const expected = [...model].flatMap(([id, terms]) => [...terms].filter((t) => t.startsWith(prefix)).map((t) => `${t}|${id}`)).sort();
            expect(visits(index, prefix, () => true)).toEqual(expected);
            expect(visits(index, prefix)).toBe(expected.length);
            const only = (t: string) => t.length % 2 === 0;
            expect(visits(index, prefix, only)).toEqual(expected.filter((pair) => only(pair.slice(0, pair.indexOf('|')))));
            const exact: string[] = [];
            index.eachSlotOf(prefix, (slot) => exact.push(index.idAt(slot)));
            expect(exact.sort()).toEqual([...model].filter(([, terms]) => terms.has(prefix)).map(([id]) => id).sort());
          }
          expect(index.size).toBe(model.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reuses a freed slot without leaking the old terms into it', () => {
    const index = new TermIndex();
    index.set('a', ['n:ana']);
    index.delete('a');
    index.set('b', ['n:bia']);
    expect(index.slotCount).toBe(1);
    expect(slotsWithPrefix(index, 'n:ana')).toEqual([]);
    expect(slotsWithPrefix(index, 'n:bia')).toEqual(['b']);
  });

  it('keeps a document in its slot when its terms change; a slot given to another moves the epoch', () => {
    const index = new TermIndex();
    index.set('a', ['n:ana']);
    index.set('b', ['n:bia']);
    const epoch = index.epoch;
    index.set('a', ['n:analu']);
    expect([index.slotOf('a'), index.epoch]).toEqual([0, epoch]);
    index.delete('a');
    expect(index.epoch).toBeGreaterThan(epoch);
    const freed = index.epoch;
    index.set('c', ['n:caio']);
    expect([index.slotOf('c'), index.slotOf('a')]).toEqual([0, undefined]);
    expect(index.epoch).toBeGreaterThan(freed);
  });

  it('counts edits', () => {
    expect(withinEdits('conceicao', 'conseicao', 1)).toBe(true);
    expect(withinEdits('beatriz', 'beatris', 1)).toBe(true);
    expect(withinEdits('maria', 'mario', 0)).toBe(false);
    expect(withinEdits('maria', 'marta', 1)).toBe(true);
    expect(withinEdits('maria', 'mrtaa', 1)).toBe(false);
    expect(withinEdits('ana', 'anabela', 2)).toBe(false);
  });
});
