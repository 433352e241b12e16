import { describe, expect, it } from 'vitest';
import { openTestBook } from '../store/test-book';
import { takeInFeedback } from './feedback-intake';
import type { CollectedFeedback } from './feedback-wire';

const item = (id: string, extra: Partial<CollectedFeedback> = {}): CollectedFeedback =>
  ({ id, site: 'demo', kind: 'csat', score: 5, comment: null, contact: null, consent: null, page: null, locale: 'pt-BR', orderId: null, verified: false, receivedAt: '2026-11-20T10:00:00.000Z', ...extra }) as CollectedFeedback;
const consent = { given: true, text: 'Aceito ser contatada sobre minha avaliação', version: '2026-11' };

describe('taking in feedback from a collector', () => {
  it('joins signed feedback to the customer with that contact, creates prospects otherwise, and files anonymous ones apart', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const result = await takeInFeedback(
      book,
      [
        item('f1', { kind: 'nps', score: 10, comment: '<b>Amei</b>', contact: { email: null, phone: '+55 11 98765-4321', name: null }, consent, verified: true }),
        item('f2', { contact: { email: 'Bia@Example.com', phone: 'não sei', name: 'Bia Lima' }, consent, verified: true }),
        item('f3', { score: 2, comment: 'Demorou' }),
        item('f4', { score: 4 }),
      ],
      'http://127.0.0.1:8787#demo',
    );
    expect(result).toMatchObject({ added: 4, duplicates: 0, matched: 1, created: 1, anonymous: 2, claims: 0, unreadable: 0 });
    const anaFeedback = await book.feedback.listByCustomer(ana.id);
    expect(anaFeedback.map((f) => [f.kind, f.score, f.comment, f.verified, f.claim])).toEqual([['nps', 10, '<b>Amei</b>', true, null]]);
    const [bia] = await book.customers.findByIdentity('email', 'bia@example.com');
    // Signed by the store: the contact is a fact, and so is the consent the visitor gave with it.
    expect(bia).toMatchObject({ displayName: 'Bia Lima', consent: { marketing: true, text: consent.text, version: '2026-11', source: 'storefront' } });
    expect(bia?.identities.map((i) => i.kind)).toEqual(['email']);
    const [anonymous] = await book.customers.findByIdentity('storefront', 'anonymous@demo');
    expect((await book.feedback.listByCustomer(anonymous!.id)).map((f) => f.score).sort()).toEqual([2, 4]);
    expect(anonymous).toMatchObject({ displayName: 'Anonymous visitors (demo)', customFields: { source: 'store' } });
    expect(bia?.customFields).toEqual({ source: 'store' });
  });

  it("never files an unsigned phone claim under the customer who has that phone until the seller links it", async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const scam = item('scam-0001', { kind: 'nps', score: 0, comment: 'Loja golpista', contact: { email: null, phone: '+55 (11) 98765-4321', name: 'Ana' }, consent });
    expect(await takeInFeedback(book, [scam], 'c#demo')).toMatchObject({ added: 1, claims: 1, matched: 0, created: 0 });
    expect(await book.feedback.listByCustomer(ana.id)).toEqual([]);
    const [pending] = await book.feedback.pendingClaimsFor(['tel:+5511987654321']);
    expect(pending).toMatchObject({ score: 0, verified: false, claim: { status: 'pending', phone: '+55 (11) 98765-4321', consent: { text: consent.text, version: '2026-11' } } });
    expect(await book.feedback.pendingClaims()).toEqual([{ feedback: pending, customerIds: [ana.id] }]);
    // The visitor's ticked consent is recorded on the claim, never as Ana's.
    expect((await book.customers.get(ana.id))?.consent.marketing).toBe(false);

    const other = await book.customers.create({ displayName: 'Outra', identities: [{ kind: 'email', value: 'outra@example.com' }] });
    await expect(book.feedback.settleClaim(pending!.id, { link: other.id })).rejects.toThrowError(/does not have the contact/);
    const linked = await book.feedback.settleClaim(pending!.id, { link: ana.id });
    expect(linked).toMatchObject({ customerId: ana.id, claim: { status: 'linked' }, verified: false });
    expect((await book.feedback.listByCustomer(ana.id)).map((f) => f.comment)).toEqual(['Loja golpista']);
    expect(await book.feedback.pendingClaims()).toEqual([]);
    await expect(book.feedback.settleClaim(pending!.id, 'dismiss')).rejects.toThrowError(/no longer waits/);
    expect((await book.customers.get(ana.id))?.consent.marketing).toBe(false);
  });

  it('keeps a dismissed claim with the site visitors, and erasing the customer erases the claims naming them', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'email', value: 'ana@example.com' }] });
    await takeInFeedback(book, [item('c1', { contact: { email: 'ANA@example.com', phone: null, name: null }, consent }), item('c2', { contact: { email: 'ana@example.com', phone: null, name: null }, consent })], 'c#demo');
    const [first, second] = await book.feedback.pendingClaimsFor(['email:ana@example.com']);
    await book.feedback.settleClaim(first!.id, 'dismiss');
    expect((await book.feedback.pendingClaimsFor(['email:ana@example.com'])).map((f) => f.id)).toEqual([second!.id]);
    expect(await book.feedback.listByCustomer(ana.id)).toEqual([]);
    await book.erase(ana.id);
    expect(await book.feedback.list()).toEqual([]);
  });

  it('makes a prospect from an unsigned contact no customer has, with no marketing consent and the claim kept', async () => {
    const book = await openTestBook();
    const longEmail = `${'a'.repeat(228)}@example.com`;
    const result = await takeInFeedback(book, [item('p1', { contact: { email: longEmail, phone: null, name: null }, consent })], 'c#demo');
    expect(result).toMatchObject({ added: 1, created: 1, unreadable: 0 });
    const [prospect] = await book.customers.findByIdentity('email', longEmail);
    expect(prospect?.consent.marketing).toBe(false);
    // A display name taken from a 240-character email is cut to the customer model's 200.
    expect([...prospect!.displayName]).toHaveLength(200);
    expect(prospect!.displayName.endsWith('…')).toBe(true);
    const [feedback] = await book.feedback.listByCustomer(prospect!.id);
    expect(feedback?.claim).toMatchObject({ status: 'prospect', email: longEmail, consent: { text: consent.text } });
  });

  it("writes names and fields in the seller's language when given its words", async () => {
    const book = await openTestBook();
    await takeInFeedback(book, [item('f1'), item('f2', { contact: { email: 'c@d.com', phone: null, name: null }, consent })], 'c#demo', 'pt-BR');
    const [anonymous] = await book.customers.findByIdentity('storefront', 'anonymous@demo');
    expect(anonymous).toMatchObject({ displayName: 'Visitantes anônimos (demo)', customFields: { origem: 'loja' } });
    expect((await book.customers.findByIdentity('email', 'c@d.com'))[0]?.customFields).toEqual({ origem: 'loja' });
  });

  it('adds nothing when the same page is pulled twice', async () => {
    const book = await openTestBook();
    const page = [item('f1', { contact: { email: 'x@y.com', phone: null, name: null }, consent })];
    await takeInFeedback(book, page, 'c#demo');
    expect(await takeInFeedback(book, page, 'c#demo')).toMatchObject({ added: 0, duplicates: 1, matched: 0, created: 0, anonymous: 0 });
    expect(await book.feedback.list()).toHaveLength(1);
    expect(await book.customers.count()).toBe(1);
  });

  it('sets aside an item the book refuses and files the rest', async () => {
    const book = await openTestBook();
    // Readable on the wire, yet a comment longer than the book keeps (5000): this book refuses it.
    const result = await takeInFeedback(book, [item('bad-0001', { comment: 'x'.repeat(5001) }), item('good-0001', { score: 3 })], 'c#demo');
    expect(result).toMatchObject({ added: 1, anonymous: 1, unreadable: 1 });
    expect(result.unreadableItems).toEqual([expect.objectContaining({ position: 0, id: 'bad-0001', reason: expect.stringMatching(/comment/) })]);
  });
});
