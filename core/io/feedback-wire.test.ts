import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectedFeedbackOf, collectedFeedbackSchema, FEEDBACK_LIMITS as L, parseFeedbackSubmission, readCollectedPage, type CollectedFeedback } from './feedback-wire';

const received = { site: 'loja', verified: false, receivedAt: '2026-11-29T12:00:00.000Z' };
const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter((s) => s.trim().length > 0 && s.length <= max);

describe('the feedback wire contract', () => {
  it('serves every submission it accepts in a form its reader reads (any lengths up to each limit)', () => {
    const submission = fc.record(
      {
        site: fc.constant('loja'),
        id: fc.string({ minLength: L.idMin, maxLength: L.idMax }),
        kind: fc.constant('nps'),
        score: fc.integer({ min: 0, max: 10 }),
        comment: fc.string({ maxLength: L.commentChars, unit: 'grapheme-composite' }),
        contact: fc.record({
          email: fc.constantFrom('ana@example.com', `${'a'.repeat(L.email - 12)}@example.com`),
          phone: fc.constantFrom('+55 11 98765-4321', `+${'9'.repeat(L.phone - 1)}`),
          name: text(L.name),
        }, { requiredKeys: [] }),
        consent: fc.record({ given: fc.constant(true), text: text(L.consentText), version: text(L.consentVersion) }),
        page: text(L.page),
        locale: text(L.locale),
        orderId: text(L.orderId),
        token: text(L.token),
      },
      { requiredKeys: ['site', 'id', 'kind', 'score', 'consent'] },
    );
    fc.assert(
      fc.property(submission, fc.boolean(), (body, verified) => {
        const parsed = parseFeedbackSubmission(body);
        if (!parsed.ok) throw new Error(`refused: ${parsed.problem.error}`);
        const served = collectedFeedbackOf(parsed.value, { ...received, verified });
        expect(collectedFeedbackSchema.safeParse(JSON.parse(JSON.stringify(served))).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a field over its limit with an error naming it', () => {
    const base = { site: 'loja', id: 'abcdefgh', kind: 'csat', score: 4 };
    const over = (field: string, value: unknown) => parseFeedbackSubmission({ ...base, [field]: value });
    expect(over('locale', 'x'.repeat(L.locale + 1))).toMatchObject({ ok: false, problem: { field: 'locale' } });
    expect(over('orderId', 'x'.repeat(L.orderId + 1))).toMatchObject({ ok: false, problem: { field: 'orderId' } });
    expect(over('consent', { given: true, text: 't', version: 'v'.repeat(L.consentVersion + 1) })).toMatchObject({ ok: false, problem: { field: 'consent.version' } });
    expect(over('contact', { email: `${'a'.repeat(L.email)}@x.com` })).toMatchObject({ ok: false, problem: { field: 'contact.email' } });
    expect(over('comment', '😀'.repeat(L.commentChars + 1))).toMatchObject({ ok: false, problem: { error: 'comment: is too long (2000 characters at most)' } });
    expect(parseFeedbackSubmission({ ...base, comment: '😀'.repeat(L.commentChars) }).ok).toBe(true);
    expect(parseFeedbackSubmission({ ...base, contact: { name: 'Ana' } })).toMatchObject({ ok: false, problem: { field: 'consent.given' } });
  });
});

describe('reading a page item by item', () => {
  const good = (id: string): CollectedFeedback => collectedFeedbackOf({ site: 'loja', id, kind: 'csat', score: 5 } as never, received);

  it('sets aside an item it cannot read, with its reason, and reads the rest in order', () => {
    const poisoned = { ...good('poison-01'), locale: 'x'.repeat(L.locale + 1) };
    const { page, unreadable } = readCollectedPage({ items: [good('first-001'), poisoned, 'not an item', good('last-0001')], next: null, cursor: '14' });
    expect(page.items.map((item) => item.id)).toEqual(['first-001', 'last-0001']);
    expect(page.cursor).toBe('14');
    expect(unreadable).toEqual([
      { position: 1, id: 'poison-01', reason: 'locale: is too long (35 characters at most)', raw: JSON.stringify(poisoned) },
      { position: 2, id: null, reason: expect.any(String), raw: '"not an item"' },
    ]);
  });

  it('keeps at most 4000 characters of an unreadable item', () => {
    const { unreadable } = readCollectedPage({ items: [{ id: 'huge', comment: 'x'.repeat(100_000) }], next: null });
    expect(unreadable[0]?.raw).toHaveLength(4001);
  });

  it('refuses a page whose cursors or list are unreadable, naming the field', () => {
    expect(() => readCollectedPage({ items: [], next: 'tomorrow' })).toThrowError(/next: must be a cursor/);
    expect(() => readCollectedPage({ items: {}, next: null })).toThrowError(/items/);
    expect(() => readCollectedPage({ items: Array.from({ length: 501 }, () => ({})), next: null })).toThrowError(/at most 500/);
  });
});
