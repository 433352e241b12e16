import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Book } from '../../core';
import { openTestBook } from '../../core/store/test-book';
import { CustomerSearch } from './customer-search';

let book: Book;
beforeEach(async () => {
  book = await openTestBook(new Date('2026-11-29T12:00:00.000Z'));
});
afterEach(() => book.close());

describe('the background search index', () => {
  it('keeps a change made while it was being built from an earlier read of the book', async () => {
    const ana = await book.customers.create({ displayName: 'Ana Prado' });
    const search = new CustomerSearch(book);
    const warming = search.warm();
    // The build read the book before this rename landed; the change feed names Ana while it is still building.
    await book.customers.update(ana.id, { displayName: 'Ana Quintanilha' });
    await search.update([ana.id]);
    await warming;
    await expect.poll(async () => [...((await search.matchingIds('quintanilha')) ?? [])]).toEqual([ana.id]);
    expect([...((await search.matchingIds('prado')) ?? [])]).toEqual([]);
  });

  it('indexes a tag created after the index was built, by its name', async () => {
    const ana = await book.customers.create({ displayName: 'Ana' });
    const search = new CustomerSearch(book);
    await search.warm();
    const vip = await book.tags.create({ name: 'Atacado', colour: '#aa0000', key: null });
    await book.customers.toggleTag(ana.id, vip.id);
    await search.update([ana.id]);
    expect([...((await search.matchingIds('atacado')) ?? [])]).toEqual([ana.id]);
  });
});
