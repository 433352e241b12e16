import { afterEach, describe, expect, it } from 'vitest';
import { openBook, type Book } from './book';
import { testBookName } from './test-book';

let book: Book;
afterEach(() => book.close());

describe('lastContacts', () => {
  it('gives each customer their latest note, follow-up or rating, whichever is latest, and leaves out customers with none', async () => {
    let now = new Date('2026-11-01T12:00:00.000Z');
    book = await openBook({ name: testBookName(), now: () => now });
    const ana = await book.customers.create({ displayName: 'Ana', identities: [] });
    const bia = await book.customers.create({ displayName: 'Bia', identities: [] });
    const caio = await book.customers.create({ displayName: 'Caio', identities: [] });
    const dani = await book.customers.create({ displayName: 'Dani', identities: [] });
    await book.notes.add(ana.id, 'gosta de azul');
    now = new Date('2026-11-05T12:00:00.000Z');
    await book.followUps.add(ana.id, '2026-11-20T12:00:00.000Z', 'ligar');
    await book.notes.add(bia.id, 'primeira nota');
    now = new Date('2026-11-10T12:00:00.000Z');
    const note = await book.notes.add(caio.id, 'antiga');
    await book.feedback.add({ customerId: caio.id, kind: 'csat', score: 5, comment: null, receivedAt: '2026-11-08T09:00:00.000Z', source: 'storefront', verified: true });
    now = new Date('2026-11-12T12:00:00.000Z');
    await book.notes.edit(note.id, 'editada depois');

    const contacts = await book.lastContacts([ana.id, bia.id, caio.id, dani.id, 'unknown']);
    expect(contacts.get(ana.id)).toEqual({ at: '2026-11-05T12:00:00.000Z', kind: 'follow-up' });
    expect(contacts.get(bia.id)).toEqual({ at: '2026-11-05T12:00:00.000Z', kind: 'note' });
    // The note edited on the 12th is later than the rating of the 8th.
    expect(contacts.get(caio.id)).toEqual({ at: '2026-11-12T12:00:00.000Z', kind: 'note' });
    expect(contacts.has(dani.id)).toBe(false);
    expect(contacts.has('unknown')).toBe(false);
    expect((await book.lastContacts([])).size).toBe(0);
  });
});
