import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../model';
import { openBook } from './book';
import { sortKeysOf } from './customer-rows';
import { MIGRATION_STEPS } from './migrations';
import { openBookDatabase } from './open';

/**
 * Records as each earlier schema version wrote them. When a version is added, add how a book of the version
 * before it looked here: every earlier version must open at the current one without losing a record.
 */
const BOOKS_AT_VERSION: Record<number, Record<string, object[]>> = {
  1: {
    customers: [
      {
        id: 'c1',
        displayName: 'Ana',
        identities: [{ kind: 'phone', value: '+5511987654321', raw: '11 98765-4321', addedAt: '2025-01-01T00:00:00.000Z' }],
        identityKeys: ['tel:+5511987654321'],
        tagIds: ['t1'],
        funnelStage: 'customer',
        customFields: { size: 'M' },
        consent: { marketing: true, recordedAt: '2025-01-01T00:00:00.000Z', source: 'whatsapp', text: 'Pode mandar novidades?', version: '1' },
        notesCount: 1,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
        archivedAt: null,
      },
      {
        id: 'c2',
        displayName: 'Bia',
        identities: [],
        identityKeys: [],
        tagIds: [],
        funnelStage: null,
        customFields: {},
        consent: { marketing: false, recordedAt: null, source: null, text: null, version: null },
        notesCount: 0,
        createdAt: '2025-02-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
        archivedAt: '2025-06-01T00:00:00.000Z',
      },
    ],
    orders: [
      { id: 'o1', customerId: 'c1', placedAt: '2025-03-01T10:00:00.000Z', totalMinor: 5000, currency: 'BRL', items: [], channel: 'whatsapp', source: 'manual', externalRef: null, status: 'paid' },
      { id: 'o2', customerId: 'c1', placedAt: '2025-04-01T10:00:00.000Z', totalMinor: 7000, currency: 'BRL', items: [], channel: 'whatsapp', source: 'manual', externalRef: null, status: 'refunded' },
    ],
    notes: [{ id: 'n1', customerId: 'c1', text: 'Veste M', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }],
    tags: [
      { id: 't1', name: 'VIP', colour: '#aa0000', key: '1' },
      { id: 't2', name: 'Atacado', colour: '#00aa00', key: null },
    ],
    feedback: [{ id: 'f1', customerId: 'c1', kind: 'csat', score: 5, comment: 'Ótimo', receivedAt: '2025-03-02T00:00:00.000Z', source: 'storefront', verified: true, externalId: 'x1' }],
    followUps: [{ id: 'u1', customerId: 'c1', due: '2025-05-01T00:00:00.000Z', text: 'Ligar', done: false, createdAt: '2025-03-01T00:00:00.000Z' }],
  },
};

// Version 2: customers gained lastOrderAt and merges; everything else as in version 1.
BOOKS_AT_VERSION[2] = {
  ...BOOKS_AT_VERSION[1]!,
  customers: BOOKS_AT_VERSION[1]!.customers!.map((customer) => ({
    ...customer,
    lastOrderAt: (customer as { id: string }).id === 'c1' ? '2025-03-01T10:00:00.000Z' : null,
    merges: [],
  })),
};

// Version 3: saved segments joined the book.
BOOKS_AT_VERSION[3] = { ...BOOKS_AT_VERSION[2]!, segments: [] };

// Version 4: feedback carries the contact it claims (none here) and its lookup keys.
BOOKS_AT_VERSION[4] = { ...BOOKS_AT_VERSION[3]!, feedback: BOOKS_AT_VERSION[3]!.feedback!.map((feedback) => ({ ...feedback, claim: null, claimKeys: [] })) };

// Version 5: only index keys the store derives (customers' sort names); records as at version 4.
BOOKS_AT_VERSION[5] = {
  ...BOOKS_AT_VERSION[4]!,
  customers: BOOKS_AT_VERSION[4]!.customers!.map((customer) => ({ ...customer, ...sortKeysOf(customer as { displayName: string; lastOrderAt: string | null }) })),
};

describe('migrations', () => {
  it('has one step per schema version', () => {
    expect(MIGRATION_STEPS).toHaveLength(SCHEMA_VERSION);
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    it(`opens a book written at version ${version} at the current version without losing a record`, async () => {
      const fixture = BOOKS_AT_VERSION[version];
      if (!fixture) throw new Error(`Add to BOOKS_AT_VERSION how a book looked at version ${version}`);
      const name = `migration-from-${version}`;
      const old = await openBookDatabase({ name, version });
      const stores = Object.keys(fixture);
      const tx = old.transaction(stores as never, 'readwrite');
      for (const store of stores) for (const record of fixture[store]!) await tx.objectStore(store as never).put(record as never);
      await tx.done;
      old.close();

      const book = await openBook({ name });
      const contents = await book.exportAll();
      for (const store of stores) {
        const ids = (contents[store as keyof typeof contents] as { id: string }[]).map((r) => r.id).sort();
        expect(ids, store).toEqual(fixture[store]!.map((r) => (r as { id: string }).id).sort());
      }
      const ana = await book.customers.get('c1');
      expect(ana).toMatchObject({ displayName: 'Ana', notesCount: 1, lastOrderAt: '2025-03-01T10:00:00.000Z', merges: [], customFields: { size: 'M' } });
      expect((await book.customers.findByIdentity('phone', '11 98765-4321')).map((c) => c.id)).toEqual(['c1']);
      expect(await book.customers.count()).toBe(1);
      expect(await book.customers.count({ includeArchived: true })).toBe(2);
      // Schema 4: older feedback claims no contact, and is still found by its customer.
      expect((await book.feedback.listByCustomer('c1')).map((f) => [f.id, f.claim])).toEqual([['f1', null]]);
      // Schema 5: every customer is in the sort indexes, those who never bought in the name index for them.
      expect((await book.customers.page({ orderBy: 'name', direction: 'asc', limit: 5, includeArchived: true })).customers.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect((await book.customers.page({ orderBy: 'lastOrderAt', direction: 'desc', limit: 5, includeArchived: true })).customers.map((c) => c.id)).toEqual(['c1', 'c2']);
      expect((await book.customers.page({ orderBy: 'createdAt', direction: 'desc', limit: 5, includeArchived: true })).customers.map((c) => c.id)).toEqual(['c2', 'c1']);
      // Schema 6: tags keep the name order they were shown in, and the book has no quick replies yet.
      expect((await book.tags.list()).map((tag) => [tag.name, tag.position])).toEqual([
        ['Atacado', 0],
        ['VIP', 1],
      ]);
      expect(await book.quickReplies.list()).toEqual([]);
      book.close();
    });
  }
});
