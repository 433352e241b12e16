import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_LIMITS, readCollectedPage, takeInFeedback } from '../core';
import { openTestBook } from '../core/store/test-book';
import { appHarness, submission } from './test-kit';

const consent = { given: true, text: 'Aceito ser contatada sobre a minha avaliação', version: '2026-11' };

/** The four fields an anonymous post once used to stop every later sync: each at the longest the collector takes. */
const longest = {
  locale: { locale: 'x'.repeat(FEEDBACK_LIMITS.locale) },
  orderId: { orderId: 'P'.repeat(FEEDBACK_LIMITS.orderId) },
  'consent.version': { contact: { name: 'Bia' }, consent: { ...consent, version: 'v'.repeat(FEEDBACK_LIMITS.consentVersion) } },
  'contact.email': { contact: { email: `${'a'.repeat(FEEDBACK_LIMITS.email - 12)}@example.com` }, consent },
} as const;

describe('the collector and the extension read one contract', () => {
  let h: ReturnType<typeof appHarness>;
  beforeEach(() => (h = appHarness()));
  afterEach(() => h.close());

  it("serves every field at its longest in pages the extension's reader reads whole, and the book files them", async () => {
    for (const fields of Object.values(longest)) expect((await h.post(submission(fields))).status).toBe(201);
    const { body } = await h.list('site=shop&limit=500');
    const { page, unreadable } = readCollectedPage(body);
    expect(unreadable).toEqual([]);
    expect(page.items).toHaveLength(4);

    const book = await openTestBook();
    const filed = await takeInFeedback(book, page.items, 'http://127.0.0.1:8787#shop', 'pt-BR');
    expect(filed).toMatchObject({ added: 4, unreadable: 0 });
    // The email-only visitor became a prospect named after the email, cut to the 200 characters a name may have.
    const [prospect] = await book.customers.findByIdentity('email', longest['contact.email'].contact.email);
    expect([...prospect!.displayName]).toHaveLength(200);
  });

  it('refuses each of those fields one character longer with a 400 naming it', async () => {
    const over = {
      locale: { locale: 'x'.repeat(FEEDBACK_LIMITS.locale + 1) },
      orderId: { orderId: 'P'.repeat(FEEDBACK_LIMITS.orderId + 1) },
      'consent.version': { contact: { name: 'Bia' }, consent: { ...consent, version: 'v'.repeat(FEEDBACK_LIMITS.consentVersion + 1) } },
      'contact.email': { contact: { email: `${'a'.repeat(FEEDBACK_LIMITS.email - 11)}@example.com` }, consent },
    };
    for (const [field, fields] of Object.entries(over)) {
      const response = await h.post(submission(fields));
      expect(response.status, field).toBe(400);
      expect(await response.json(), field).toMatchObject({ field, error: expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: is too long`)) });
    }
    expect((await h.list('site=shop')).body.items).toEqual([]);
  });
});
