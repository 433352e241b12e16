import { describe, expect, it } from 'vitest';
import { TermIndex, withinEdits } from './term-index';

const slotsWithPrefix = (index: TermIndex, prefix: string) => {
  const ids = new Set<string>();
  index.eachWithPrefix(prefix, (_, slots) => slots.forEach((slot) => ids.add(index.idAt(slot))));
  return [...ids].sort();
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
