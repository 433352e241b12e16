import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
    // The build's read of the book is held until the rename below has landed: it holds the old name.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const customers = book.customers;
    const heldList: typeof customers.list = async (...args) => {
      const rows = await customers.list(...args);
      await gate;
      return rows;
    };
    const held = new Proxy(book, {
      get: (target, property) => (property === 'customers' ? new Proxy(customers, { get: (repository, key) => (key === 'list' ? heldList : Reflect.get(repository, key)) }) : Reflect.get(target, property)),
    });
    const search = new CustomerSearch(held);
    const warming = search.warm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await book.customers.update(ana.id, { displayName: 'Ana Quintanilha' });
    // The change feed names Ana while the index is still being built.
    await search.update([ana.id]);
    release();
    await warming;
    expect([...((await search.matchingIds('quintanilha')) ?? [])]).toEqual([ana.id]);
    expect([...((await search.matchingIds('prado')) ?? [])]).toEqual([]);
  });

  it('builds from customers already in memory, and reads again those changed after it was announced', async () => {
    const ana = await book.customers.create({ displayName: 'Ana Prado' });
    const bia = await book.customers.create({ displayName: 'Bia Lima' });
    const snapshot = await book.customers.list({ includeArchived: true });
    const listed = vi.spyOn(book.customers, 'list');
    const search = new CustomerSearch(book);
    search.expectBuild();
    // Named by the change feed after the build was announced but before it took its copy (the copy is older).
    await book.customers.update(bia.id, { displayName: 'Bia Quintanilha' });
    await search.update([bia.id]);
    await search.buildFrom(snapshot, await book.tags.list());
    expect(listed).not.toHaveBeenCalled();
    expect([...((await search.matchingIds('prado')) ?? [])]).toEqual([ana.id]);
    expect([...((await search.matchingIds('quintanilha')) ?? [])]).toEqual([bia.id]);
    expect([...((await search.matchingIds('lima')) ?? [])]).toEqual([]);
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

describe('the background search index when the book cannot be read', () => {
  it('forgets the index instead of rejecting, and builds it again on the next search', async () => {
    const own = await openTestBook(new Date('2026-11-29T12:00:00.000Z'));
    const ana = await own.customers.create({ displayName: 'Ana Prado' });
    const search = new CustomerSearch(own);
    await search.warm();
    own.close();
    await expect(search.update([ana.id])).resolves.toBeUndefined();
    await expect(search.matchingIds('prado')).rejects.toThrow();
  });
});
