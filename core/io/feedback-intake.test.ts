import { describe, expect, it } from 'vitest';
import { openTestBook } from '../store/test-book';
import { parseCollectedPage, takeInFeedback, type CollectedFeedback } from './feedback-intake';

const item = (id: string, extra: Partial<CollectedFeedback> = {}): CollectedFeedback =>
  ({ id, site: 'demo', kind: 'csat', score: 5, comment: null, contact: null, consent: null, page: null, locale: 'pt-BR', orderId: null, verified: false, receivedAt: '2026-11-20T10:00:00.000Z', ...extra }) as CollectedFeedback;

describe('taking in feedback from a collector', () => {
  it('joins feedback to the customer with that contact, creates a prospect otherwise, and files anonymous ones apart', async () => {
    const book = await openTestBook();
    const ana = await book.customers.create({ displayName: 'Ana', identities: [{ kind: 'phone', value: '11 98765-4321' }] });
    const consent = { given: true, text: 'Aceito ser contatada sobre minha avaliação', version: '2026-11' };
    const result = await takeInFeedback(
      book,
      [
        item('f1', { kind: 'nps', score: 10, comment: '<b>Amei</b>', contact: { email: null, phone: '+55 11 98765-4321', name: null }, consent, verified: true }),
        item('f2', { contact: { email: 'Bia@Example.com', phone: 'não sei', name: 'Bia Lima' }, consent }),
        item('f3', { score: 2, comment: 'Demorou' }),
        item('f4', { score: 4 }),
      ],
      'http://127.0.0.1:8787#demo',
    );
    expect(result).toEqual({ added: 4, duplicates: 0, matched: 1, created: 1, anonymous: 2 });
    const anaFeedback = await book.feedback.listByCustomer(ana.id);
    expect(anaFeedback.map((f) => [f.kind, f.score, f.comment, f.verified])).toEqual([['nps', 10, '<b>Amei</b>', true]]);
    const [bia] = await book.customers.findByIdentity('email', 'bia@example.com');
    expect(bia).toMatchObject({ displayName: 'Bia Lima', consent: { marketing: true, text: consent.text, version: '2026-11', source: 'storefront' } });
    expect(bia?.identities.map((i) => i.kind)).toEqual(['email']);
    const [anonymous] = await book.customers.findByIdentity('storefront', 'anonymous@demo');
    expect((await book.feedback.listByCustomer(anonymous!.id)).map((f) => f.score).sort()).toEqual([2, 4]);
    expect(anonymous).toMatchObject({ displayName: 'Anonymous visitors (demo)', customFields: { source: 'store' } });
    expect(bia?.customFields).toEqual({ source: 'store' });
  });

  it("writes names and fields in the seller's language when given its words", async () => {
    const book = await openTestBook();
    await takeInFeedback(book, [item('f1'), item('f2', { contact: { email: 'c@d.com', phone: null, name: null }, consent: { given: true, text: 't', version: '1' } })], 'c#demo', 'pt-BR');
    const [anonymous] = await book.customers.findByIdentity('storefront', 'anonymous@demo');
    expect(anonymous).toMatchObject({ displayName: 'Visitantes anônimos (demo)', customFields: { origem: 'loja' } });
    expect((await book.customers.findByIdentity('email', 'c@d.com'))[0]?.customFields).toEqual({ origem: 'loja' });
  });

  it('adds nothing when the same page is pulled twice', async () => {
    const book = await openTestBook();
    const page = [item('f1', { contact: { email: 'x@y.com', phone: null, name: null }, consent: { given: true, text: 't', version: '1' } })];
    await takeInFeedback(book, page, 'c#demo');
    expect(await takeInFeedback(book, page, 'c#demo')).toEqual({ added: 0, duplicates: 1, matched: 0, created: 0, anonymous: 0 });
    expect(await book.feedback.list()).toHaveLength(1);
    expect(await book.customers.count()).toBe(1);
  });

  it('refuses a page it cannot read, naming the field', () => {
    expect(() => parseCollectedPage({ items: [{ ...item('f1'), score: 9 }], next: null })).toThrowError(/items\[0\]\.score/);
    expect(parseCollectedPage({ items: [item('f1')], next: '12' }).next).toBe('12');
  });
});
