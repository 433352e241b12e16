import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { FeedbackItem, FeedbackStore } from './feedback-store';
import { STORE_KINDS, storePlaces } from './store-kit';
import { appHarness, SHOP, submission } from './test-kit';

/** A stored-shape submission for `shop` (what post-feedback hands the store). */
function feedbackItem(id: string, overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  return {
    id, site: 'shop', kind: 'nps', score: 9, comment: 'Chegou no prazo ✓', contact: { email: 'ana@example.com', phone: null, name: 'Ana' },
    consent: { given: true, text: 'Pode me contactar.', version: 'pt-BR-1' }, page: 'https://loja.example/obrigado', locale: 'pt-BR',
    orderId: 'A-1', verified: false, receivedAt: '2026-11-22T19:28:00.123Z', ...overrides,
  };
}

/** Every item of `site` from the start, in cursor order. */
async function everything(store: FeedbackStore, site = 'shop'): Promise<FeedbackItem[]> {
  const items: FeedbackItem[] = [];
  for (let after = 0, more = true; more; ) {
    const page = await store.page(site, after, 500);
    items.push(...page.items);
    ({ last: after, more } = page);
  }
  return items;
}

describe.each(STORE_KINDS)('%s feedback store', (kind) => {
  const fresh = storePlaces(kind);

  it('POST /v1/feedback twice with one id: 201, then 200 with the original receivedAt; one row, the first body', async () => {
    const h = appHarness({ store: await (await fresh()).open() });
    const body = submission({ score: 2, comment: 'primeira' });
    const created = await h.post(body);
    expect(created.status).toBe(201);
    const first = (await created.json()) as { id: string; receivedAt: string };
    h.clock.now += 60_000;
    const repeat = await h.post({ ...body, score: 5, comment: 'segunda' });
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toEqual(first);
    const { body: list } = await h.list('site=shop');
    expect(list.items).toEqual([expect.objectContaining({ id: body.id, score: 2, comment: 'primeira', receivedAt: first.receivedAt })]);
  });

  it('keeps one row per (site, id) when copies share a group commit or come later; the same id on another site is another row', async () => {
    const store = await (await fresh()).open();
    const results = await Promise.all([
      store.submit(feedbackItem('dup-00001', { score: 3 })),
      store.submit(feedbackItem('dup-00001', { score: 10, receivedAt: '2026-11-22T19:29:00.000Z' })),
      store.submit(feedbackItem('dup-00001', { site: 'other', score: 7 })),
    ]);
    expect(results).toEqual([
      { created: true, receivedAt: '2026-11-22T19:28:00.123Z' },
      { created: false, receivedAt: '2026-11-22T19:28:00.123Z' },
      { created: true, receivedAt: '2026-11-22T19:28:00.123Z' },
    ]);
    expect(await store.submit(feedbackItem('dup-00001', { score: 0, receivedAt: '2026-11-23T08:00:00.000Z' }))).toEqual({ created: false, receivedAt: '2026-11-22T19:28:00.123Z' });
    expect(await everything(store)).toEqual([feedbackItem('dup-00001', { score: 3 })]);
    expect((await everything(store, 'other')).map((item) => item.score)).toEqual([7]);
  });

  it('gives back every field as stored, absent ones as null', async () => {
    const store = await (await fresh()).open();
    const full = feedbackItem('full-0001', { verified: true, consent: { given: false, text: '', version: 'v2' } });
    const bare = feedbackItem('bare-0001', { kind: 'csat', score: 1, comment: null, contact: null, consent: null, page: null, locale: null, orderId: null });
    const phoneOnly = feedbackItem('phone-001', { contact: { email: null, phone: '+55 11 98765-4321', name: null } });
    for (const item of [full, bare, phoneOnly]) await store.submit(item);
    expect(await everything(store)).toEqual([full, bare, phoneOnly]);
  });

  it('counts screened-out submissions by site, day and reason, and serves them on GET /v1/screened', async () => {
    const store = await (await fresh()).open();
    const h = appHarness({ store });
    await Promise.all([
      store.countScreened('shop', 'too-fast', '2026-11-22'),
      store.countScreened('shop', 'honeypot', '2026-11-22'),
      store.countScreened('shop', 'too-fast', '2026-11-22'),
      store.countScreened('other', 'too-fast', '2026-11-22'),
    ]);
    expect((await h.post(submission({ hp: 'bot' }))).status).toBe(201);
    const response = await h.app.request('/v1/screened?site=shop', { headers: { authorization: `Bearer ${SHOP.token}` } });
    expect(await response.json()).toEqual({
      counts: [
        { day: '2026-11-22', reason: 'honeypot', count: 2 },
        { day: '2026-11-22', reason: 'too-fast', count: 2 },
      ],
    });
    expect(await everything(store)).toEqual([]);
  });

  it('a reader following the cursor misses nothing while two connections write at once', async () => {
    const place = await fresh();
    const [first, second, reader] = [await place.open(), await place.open(), await place.open()];
    const sent: string[] = [];
    const write = async (store: FeedbackStore, name: string) => {
      for (let wave = 0; wave < 40; wave++) {
        const ids = Array.from({ length: 8 }, (_, i) => `${name}-${wave}-${i}-id`);
        sent.push(...ids);
        await Promise.all(ids.map((id) => store.submit(feedbackItem(id))));
      }
    };
    const followed: string[] = [];
    let after = 0;
    /** One small page after the cursor, as the extension pulls; true when more are there already. */
    const follow = async () => {
      const page = await reader.page('shop', after, 7);
      followed.push(...page.items.map((item) => item.id));
      after = page.last;
      // A macrotask turn, so the writers' group commits (setImmediate) get to run between pages.
      await nextTurn();
      return page.more;
    };
    let writing = true;
    const writers = Promise.all([write(first, 'a'), write(second, 'b')]).finally(() => (writing = false));
    while (writing) await follow();
    await writers;
    while (await follow());
    const stored = (await everything(reader)).map((item) => item.id);
    expect(followed).toEqual(stored);
    expect(stored).toHaveLength(sent.length);
    expect(new Set(stored)).toEqual(new Set(sent));
  }, 60_000);
});
