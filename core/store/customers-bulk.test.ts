import { describe, expect, it } from 'vitest';
import type { BookChange } from './changes';
import { openTestBook } from './test-book';

async function bookWithFive() {
  const book = await openTestBook();
  const customers = await book.customers.createMany(['Ana', 'Bia', 'Caio', 'Duda', 'Edu'].map((displayName) => ({ displayName })));
  const vip = await book.tags.create({ name: 'VIP', colour: '#1a7f37' });
  return { book, ids: customers.map((c) => c.id), vip };
}

describe('bulk changes to selected customers', () => {
  it('tags exactly the selected customers, in one write announced once with their ids', async () => {
    const { book, ids, vip } = await bookWithFive();
    const heard: BookChange[] = [];
    book.onChange((change) => heard.push(change));
    const selected = [ids[1], ids[3]] as string[];
    const progress: number[] = [];
    expect(await book.customers.updateMany(selected, { kind: 'addTag', tagId: vip.id }, (done) => progress.push(done))).toBe(2);
    const tagged = (await book.customers.listByTag(vip.id)).map((c) => c.id).sort();
    expect(tagged).toEqual([...selected].sort());
    expect(heard).toHaveLength(1);
    expect(heard[0]?.customerIds.sort()).toEqual([...selected].sort());
    expect(progress.at(-1)).toBe(2);
    // A second time changes nobody; removing takes it off only the selected.
    expect(await book.customers.updateMany(selected, { kind: 'addTag', tagId: vip.id })).toBe(0);
    expect(await book.customers.updateMany([ids[1] as string], { kind: 'removeTag', tagId: vip.id })).toBe(1);
    expect((await book.customers.listByTag(vip.id)).map((c) => c.id)).toEqual([ids[3]]);
  });

  it('sets the funnel stage and archives in bulk, leaving the others as they were', async () => {
    const { book, ids } = await bookWithFive();
    await book.customers.updateMany(ids.slice(0, 2), { kind: 'funnelStage', stage: 'decision' });
    await book.customers.updateMany(ids.slice(3), { kind: 'archive', archived: true });
    const all = await book.customers.list({ includeArchived: true });
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(ids.map((id) => byId.get(id)?.funnelStage)).toEqual(['decision', 'decision', null, null, null]);
    expect(ids.map((id) => byId.get(id)?.archivedAt !== null)).toEqual([false, false, false, true, true]);
    expect(await book.customers.updateMany(ids.slice(3), { kind: 'archive', archived: false })).toBe(2);
    expect(await book.customers.count()).toBe(5);
  });

  it('writes nothing when one id, the tag or the stage is unknown, naming the field', async () => {
    const { book, ids, vip } = await bookWithFive();
    await expect(book.customers.updateMany([ids[0] as string, 'gone'], { kind: 'addTag', tagId: vip.id })).rejects.toThrowError(/ids\[1\]: no customer with id gone/);
    expect(await book.customers.listByTag(vip.id)).toEqual([]);
    await expect(book.customers.updateMany(ids, { kind: 'addTag', tagId: 'nope' })).rejects.toThrowError(/tagId: no tag with id nope/);
    await expect(book.customers.updateMany(ids, { kind: 'funnelStage', stage: 'bogus' })).rejects.toThrowError(/funnelStage: funnel stage "bogus"/);
    expect((await book.customers.list()).every((c) => c.funnelStage === null)).toBe(true);
  });
});
