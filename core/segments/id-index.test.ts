import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index';

describe('the id index', () => {
  it('finds, reads back and forgets ids as a map would, through sealing, merging and growing (property)', () => {
    // Ids from a small pool, so deletes find what was set (and merging finds ids still waiting to be sealed); short
    // ids from a small alphabet collide often; any string (lone surrogates too) is an id.
    const id = fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 40 }).map((n) => `pedido-${n}`), weight: 4 },
      { arbitrary: fc.stringMatching(/^[ab]{0,3}$/), weight: 1 },
      { arbitrary: fc.string({ maxLength: 12, unit: 'binary' }), weight: 1 },
    );
    const step = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id }),
      fc.record({ kind: fc.constant('delete' as const), id }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 400 }), fc.integer({ min: 1, max: 6 }), (steps, sealAt) => {
        const index = new IdIndex(sealAt);
        const map = new Map<string, number>();
        const free: number[] = [];
        let next = 0;
        for (const s of steps) {
          if (s.kind === 'set') {
            if (map.has(s.id)) continue;
            const slot = free.pop() ?? next++;
            index.set(s.id, slot);
            map.set(s.id, slot);
          } else {
            const slot = map.get(s.id);
            expect(index.delete(s.id)).toBe(slot);
            if (slot !== undefined) {
              map.delete(s.id);
              free.push(slot);
            }
          }
        }
        expect(index.size).toBe(map.size);
        for (const [known, slot] of map) {
          expect(index.get(known)).toBe(slot);
          expect(index.idOf(slot)).toBe(known);
        }
        for (const s of steps) if (!map.has(s.id)) expect(index.get(s.id)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('holds many ids in a few strings', () => {
    const index = new IdIndex();
    for (let i = 0; i < 50_000; i++) index.set(`pedido-${i}`, i);
    for (let i = 0; i < 50_000; i += 2) expect(index.delete(`pedido-${i}`)).toBe(i);
    expect(index.size).toBe(25_000);
    expect(index.get('pedido-49999')).toBe(49_999);
    expect(index.get('pedido-49998')).toBeUndefined();
    expect(index.idOf(12_345)).toBe('pedido-12345');
    // What it keeps is typed arrays and at most a few chunks: no string per id.
    expect((index as unknown as { chunks: string[] }).chunks.length).toBeLessThanOrEqual(9);
  });
});
