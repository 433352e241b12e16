import { describe, expect, it } from 'vitest';
import { IdentityTakenError, type Book } from '.';
import { openTestBook } from './test-book';

async function twoAnas(book: Book) {
  const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000' });
  const ana = await book.customers.create({ displayName: 'Ana Souza', identities: [{ kind: 'phone', value: '11 98765-4321' }], tagIds: [vip.id], customFields: { tamanho: 'M' } });
  const anaInsta = await book.customers.create({
    displayName: 'Ana (Instagram)',
    identities: [{ kind: 'instagram', value: '@ana.loja' }, { kind: 'whatsapp', value: '+55 11 98765-4321' }],
    customFields: { tamanho: 'G', cidade: 'Santos' },
  });
  await book.orders.add({ customerId: ana.id, placedAt: '2026-09-01T10:00:00Z', totalMinor: 1000, currency: 'BRL' });
  await book.orders.add({ customerId: anaInsta.id, placedAt: '2026-10-01T10:00:00Z', totalMinor: 2000, currency: 'BRL' });
  await book.notes.add(anaInsta.id, 'Prefere entrega à tarde');
  await book.feedback.add({ customerId: anaInsta.id, kind: 'nps', score: 10, comment: 'Amei', receivedAt: '2026-10-02T10:00:00Z', source: 'storefront', verified: false });
  await book.followUps.add(anaInsta.id, '2026-12-01T12:00:00Z', 'Mandar catálogo');
  return { ana: (await book.customers.get(ana.id))!, anaInsta: (await book.customers.get(anaInsta.id))! };
}

describe('merge and undo', () => {
  it('counts what a merge would move, and finds the duplicate from indexes', async () => {
    const book = await openTestBook();
    const { ana, anaInsta } = await twoAnas(book);
    expect(await book.recordCounts(anaInsta.id)).toEqual({ orders: 1, notes: 1, feedback: 1, followUps: 1 });
    const found = await book.duplicatesOf(ana.id);
    expect(found.map((candidate) => [candidate.customer.id, candidate.sharedKeys])).toEqual([[anaInsta.id, ['tel:+5511987654321']]]);
  });

  it('finds the same name with the same phone ending as a duplicate of one customer', async () => {
    const book = await openTestBook();
    const a = await book.customers.create({ displayName: 'Bia Lima', identities: [{ kind: 'phone', value: '+55 11 98765-4321' }] });
    const b = await book.customers.create({ displayName: 'bia lima', identities: [{ kind: 'whatsapp', value: '+55 21 98765-4321' }] });
    await book.customers.create({ displayName: 'Bia Lima', identities: [{ kind: 'phone', value: '+55 11 91234-5678' }] });
    expect((await book.duplicatesOf(a.id)).map((c) => c.customer.id)).toEqual([b.id]);
    expect((await book.customers.findDuplicates()).map((g) => [...g.customerIds].sort())).toEqual([[a.id, b.id].sort()]);
  });

  it('undoes a merge in one step: both customers and every moved record as they were', async () => {
    const book = await openTestBook();
    const { ana, anaInsta } = await twoAnas(book);
    const before = await book.exportAll();
    const survivor = await book.merge(ana.id, [anaInsta.id]);
    expect(survivor.identities.map((i) => i.kind)).toEqual(['phone', 'instagram']);
    expect(await book.customers.get(anaInsta.id)).toBeUndefined();
    expect((await book.lastMerge(ana.id))?.absorbed.map((c) => c.id)).toEqual([anaInsta.id]);

    const restored = await book.undoMerge(ana.id);
    expect(restored.map((c) => c.id)).toEqual([ana.id, anaInsta.id]);
    const after = await book.exportAll();
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.customers)).toEqual(byId(before.customers));
    expect(byId(after.orders)).toEqual(byId(before.orders));
    expect(byId(after.notes)).toEqual(byId(before.notes));
    expect(byId(after.feedback)).toEqual(byId(before.feedback));
    expect(byId(after.followUps)).toEqual(byId(before.followUps));
    expect(await book.lastMerge(ana.id)).toBeNull();
    await expect(book.undoMerge(ana.id)).rejects.toThrow(/No merge/);
  });

  it('keeps records added to the survivor after the merge with it on undo, and counts again', async () => {
    const book = await openTestBook();
    const { ana, anaInsta } = await twoAnas(book);
    await book.merge(ana.id, [anaInsta.id]);
    await book.notes.add(ana.id, 'Depois da junção');
    await book.undoMerge(ana.id);
    expect((await book.notes.listByCustomer(ana.id)).map((n) => n.text)).toEqual(['Depois da junção']);
    expect((await book.customers.get(ana.id))?.notesCount).toBe(1);
    expect((await book.customers.get(anaInsta.id))?.notesCount).toBe(1);
  });

  it('writes nothing when a merge names a customer who is not there', async () => {
    const book = await openTestBook();
    const { ana, anaInsta } = await twoAnas(book);
    await expect(book.merge(ana.id, [anaInsta.id, 'nobody'])).rejects.toThrow(/nobody/);
    expect(await book.customers.get(anaInsta.id)).toMatchObject({ id: anaInsta.id, displayName: anaInsta.displayName });
    expect(await book.orders.listByCustomer(anaInsta.id)).toHaveLength(1);
    expect(await book.lastMerge(ana.id)).toBeNull();
  });

  it('refuses an identity another customer has, naming the field and the owner, and writes nothing', async () => {
    const book = await openTestBook();
    const { ana, anaInsta } = await twoAnas(book);
    const error = await book.customers.addIdentity(ana.id, { kind: 'instagram', value: 'ANA.LOJA' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityTakenError);
    expect((error as IdentityTakenError).problems).toEqual([{ field: 'value', message: 'already belongs to Ana (Instagram)' }]);
    expect((error as IdentityTakenError).owner.id).toBe(anaInsta.id);
    expect((await book.customers.get(ana.id))?.identities).toHaveLength(1);
    expect((await book.customers.addIdentity(ana.id, { kind: 'email', value: 'Ana@Example.com' })).identities.map((i) => i.value)).toContain('ana@example.com');
  });
});
