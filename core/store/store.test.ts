import { describe, expect, it } from 'vitest';
import { ValidationError } from '../model';
import type { BookChange } from './changes';
import { openTestBook } from './test-book';

describe('customer book in IndexedDB', () => {
  it('finds a customer by any spelling of their phone, and by WhatsApp', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    for (const spelling of ['11 98765-4321', '+55 (11) 98765-4321', '5511987654321']) {
      expect((await book.customers.findByIdentity('phone', spelling)).map((c) => c.id)).toEqual([ana.id]);
    }
    expect((await book.customers.findByIdentity('whatsapp', '5511987654321@c.us')).map((c) => c.id)).toEqual([ana.id]);
    expect(await book.customers.findByIdentity('phone', '11 98765-0000')).toEqual([]);
  });

  it('rejects an invalid customer naming the field, and writes nothing of a batch with one bad record', async () => {
    const book = await openTestBook();
    await expect(book.customers.create({ displayName: 'Bia', identities: [{ kind: 'email', value: 'bia@' }] })).rejects.toThrowError(
      /identities\[0\]\.value: "bia@" is not an email address/,
    );
    const error = await book.customers
      .createMany([{ displayName: 'Caio' }, { displayName: '' }, { displayName: 'Duda' }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/Customer 2 is invalid: \[1\]\.displayName: must not be empty/);
    expect(await book.customers.count()).toBe(0);
  });

  it('keeps lastOrderAt in step with paid orders, in the same transaction', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana' });
    const first = await book.orders.add({ customerId: ana.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 5000, currency: 'BRL' });
    const refunded = await book.orders.add({ customerId: ana.id, placedAt: '2026-11-01T10:00:00Z', totalMinor: 9000, currency: 'BRL', status: 'refunded' });
    expect((await book.customers.get(ana.id))?.lastOrderAt).toBe('2026-10-01T10:00:00.000Z');
    await book.orders.update({ ...refunded, status: 'paid' });
    expect((await book.customers.get(ana.id))?.lastOrderAt).toBe('2026-11-01T10:00:00.000Z');
    await book.orders.remove(refunded.id);
    await book.orders.remove(first.id);
    expect((await book.customers.get(ana.id))?.lastOrderAt).toBeNull();
    await expect(book.orders.add({ customerId: 'nobody', placedAt: '2026-10-01T10:00:00Z', totalMinor: 1, currency: 'BRL' })).rejects.toThrowError(
      /customer nobody, who is not in the book/,
    );
    expect(await book.orders.list()).toEqual([]);
  });

  it('merges duplicates without losing an order, note, feedback, follow-up, tag or identity', async () => {
    const book = await openTestBook();
    const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000' });
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const anaInsta = await book.customers.create({
      displayName: 'Ana (Instagram)',
      identities: [{ kind: 'whatsapp', value: '5511987654321' }, { kind: 'instagram', value: '@ana.loja' }],
      tagIds: [vip.id],
    });
    await book.orders.add({ customerId: ana.id, placedAt: '2026-09-01T10:00:00Z', totalMinor: 1000, currency: 'BRL' });
    await book.orders.add({ customerId: anaInsta.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 2000, currency: 'BRL' });
    await book.notes.add(anaInsta.id, 'Prefere entrega à tarde');
    await book.notes.add(ana.id, 'Veste M');
    await book.feedback.add({ customerId: anaInsta.id, kind: 'nps', score: 10, comment: 'Amei', receivedAt: '2026-10-02T10:00:00Z', source: 'storefront', verified: false });
    await book.followUps.add(anaInsta.id, '2026-12-01T12:00:00Z', 'Mandar catálogo de verão');

    const groups = await book.customers.findDuplicates();
    expect(groups.map((g) => g.customerIds.sort())).toEqual([[ana.id, anaInsta.id].sort()]);

    const survivor = await book.merge(ana.id, [anaInsta.id]);
    expect(await book.customers.get(anaInsta.id)).toBeUndefined();
    expect(await book.customers.count()).toBe(1);
    expect((await book.orders.listByCustomer(ana.id)).map((o) => o.totalMinor)).toEqual([2000, 1000]);
    expect((await book.notes.listByCustomer(ana.id)).map((n) => n.text).sort()).toEqual(['Prefere entrega à tarde', 'Veste M']);
    expect(await book.feedback.listByCustomer(ana.id)).toHaveLength(1);
    expect(await book.followUps.listByCustomer(ana.id)).toHaveLength(1);
    expect(survivor.notesCount).toBe(2);
    expect(survivor.tagIds).toEqual([vip.id]);
    expect(survivor.lastOrderAt).toBe('2026-10-01T10:00:00.000Z');
    expect(survivor.identities.map((i) => i.kind).sort()).toEqual(['instagram', 'phone']);
    expect(survivor.merges[0]?.customerIds).toEqual([anaInsta.id]);
    expect((await book.customers.findByIdentity('instagram', 'ANA.LOJA')).map((c) => c.id)).toEqual([ana.id]);
    expect(await book.customers.findDuplicates()).toEqual([]);
  });

  it('archives and restores in bulk; archived customers leave the active count but keep everything', async () => {
    const book = await openTestBook();
    const [a, b] = await book.customers.createMany([{ displayName: 'A' }, { displayName: 'B' }, { displayName: 'C' }]);
    await book.notes.add(a!.id, 'old client');
    expect(await book.customers.setArchived([a!.id, b!.id], true)).toBe(2);
    expect(await book.customers.count()).toBe(1);
    expect(await book.customers.count({ includeArchived: true })).toBe(3);
    expect((await book.customers.list()).map((c) => c.displayName)).toEqual(['C']);
    const byName = (limit: number, includeArchived?: boolean) => book.customers.page({ orderBy: 'name', direction: 'asc', limit, includeArchived });
    expect((await byName(5)).customers.map((c) => c.displayName)).toEqual(['C']);
    expect((await byName(5, true)).customers.map((c) => c.displayName)).toEqual(['A', 'B', 'C']);
    expect((await byName(2, true)).customers).toHaveLength(2);
    expect(await book.customers.countBy({ archivedOnly: true })).toBe(2);
    await book.customers.setArchived([a!.id], false);
    expect(await book.customers.count()).toBe(2);
    expect(await book.notes.listByCustomer(a!.id)).toHaveLength(1);
  });

  it('toggles tags, refuses a second tag with the same name or key, and removing a tag unties it', async () => {
    const book = await openTestBook();
    const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000', key: '1' });
    await expect(book.tags.create({ name: 'vip', colour: '#00aa00' })).rejects.toThrowError(/already exists/);
    await expect(book.tags.create({ name: 'Atacado', colour: '#00aa00', key: '1' })).rejects.toThrowError(/already toggles/);
    const ana = await book.customers.create({ displayName: 'Ana' });
    expect((await book.customers.toggleTag(ana.id, vip.id)).tagIds).toEqual([vip.id]);
    expect((await book.customers.listByTag(vip.id)).map((c) => c.id)).toEqual([ana.id]);
    await book.tags.remove(vip.id);
    expect((await book.customers.get(ana.id))?.tagIds).toEqual([]);
  });

  it('erases a customer and everything about them', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana' });
    const bia = await book.customers.create({ displayName: 'Bia' });
    await book.orders.add({ customerId: ana.id, placedAt: '2026-09-01T10:00:00Z', totalMinor: 1000, currency: 'BRL' });
    await book.orders.add({ customerId: bia.id, placedAt: '2026-09-01T10:00:00Z', totalMinor: 1000, currency: 'BRL' });
    await book.notes.add(ana.id, 'x');
    await book.erase(ana.id);
    const left = await book.exportAll();
    expect(left.customers.map((c) => c.id)).toEqual([bia.id]);
    expect(left.orders.map((o) => o.customerId)).toEqual([bia.id]);
    expect(left.notes).toEqual([]);
  });

  it('does not store the same collector feedback twice', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana' });
    const input = { customerId: ana.id, kind: 'csat' as const, score: 5, comment: null, receivedAt: '2026-10-02T10:00:00Z', source: 'storefront' as const, verified: true, externalId: 'fb-1' };
    const first = await book.feedback.add(input);
    const second = await book.feedback.add(input);
    expect(second.id).toBe(first.id);
    expect(await book.feedback.list()).toHaveLength(1);
  });

  it('lists follow-ups due, open ones first', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana' });
    const late = await book.followUps.add(ana.id, '2026-11-20T12:00:00Z', 'Cobrar');
    await book.followUps.add(ana.id, '2026-12-20T12:00:00Z', 'Natal');
    expect((await book.followUps.listDue(new Date('2026-11-22T00:00:00Z'))).map((f) => f.id)).toEqual([late.id]);
    await book.followUps.setDone(late.id, true);
    expect(await book.followUps.listDue(new Date('2026-11-22T00:00:00Z'))).toEqual([]);
    expect((await book.followUps.listByCustomer(ana.id)).map((f) => f.text)).toEqual(['Natal', 'Cobrar']);
  });

  it('tells every open view about a committed write, and nothing about a failed one', async () => {
    const book = await openTestBook();
    const changes: BookChange[] = [];
    const stop = book.onChange((change) => changes.push(change));
    const ana = await book.customers.create({ displayName: 'Ana' });
    await book.customers.create({ displayName: '' }).catch(() => undefined);
    await book.notes.add(ana.id, 'oi');
    stop();
    await book.customers.create({ displayName: 'Bia' });
    expect(changes).toEqual([
      { stores: ['customers'], customerIds: [ana.id] },
      { stores: ['notes', 'customers'], customerIds: [ana.id] },
    ]);
  });
});

describe('saved segments', () => {
  it('stores a valid rule and refuses a bad one naming its place', async () => {
    const book = await openTestBook();
    const saved = await book.segments.save({ name: 'Sumidos', rule: { any: [{ field: 'activity', op: 'in', value: ['inactive', 'lost'] }] } });
    expect((await book.segments.list()).map((s) => s.name)).toEqual(['Sumidos']);
    await expect(book.segments.save({ name: 'Ruim', rule: { all: [{ field: 'activity', op: 'in', value: ['inactive'] }, { field: 'orderCount', op: 'bigger', value: 3 }] } })).rejects.toThrowError(
      /all\[1\]\.op/,
    );
    await book.segments.save({ id: saved.id, name: 'Sumidos e perdidos', rule: saved.rule });
    expect((await book.segments.list()).map((s) => [s.name, s.createdAt === saved.createdAt])).toEqual([['Sumidos e perdidos', true]]);
    await book.segments.remove(saved.id);
    expect(await book.segments.list()).toEqual([]);
  });
});

describe('meta (settings beside the records)', () => {
  it('keeps a value, announces the write as a meta change, and stays out of what a backup carries', async () => {
    const book = await openTestBook();
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    expect(await book.meta.get('collectors')).toBeUndefined();
    const token = 'iQxeH3fBK4GWIfJUdswrVSRpT1bKpp5f'; // a collector read token, generated as collectors make them
    await book.meta.set('collectors', [{ id: 'c1', token }]);
    expect(await book.meta.get('collectors')).toEqual([{ id: 'c1', token }]);
    expect(changes).toEqual([{ stores: ['meta'], customerIds: [] }]);
    expect(JSON.stringify(await book.exportAll())).not.toContain(token);
  });

  it('removes a value, announcing it as a meta change', async () => {
    const book = await openTestBook();
    await book.meta.set('backup.key', { iterations: 600_000 });
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    await book.meta.delete('backup.key');
    expect(await book.meta.get('backup.key')).toBeUndefined();
    expect(changes).toEqual([{ stores: ['meta'], customerIds: [] }]);
  });
});
