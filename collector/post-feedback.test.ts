import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signContact } from './contact-signature';
import { appHarness, OTHER, SHOP, submission } from './test-kit';

const consent = { given: true, text: 'Aceito ser contactado sobre a minha opinião.', version: 'pt-BR-1' };

describe('POST /v1/feedback', () => {
  let h: ReturnType<typeof appHarness>;
  beforeEach(() => (h = appHarness()));
  afterEach(() => h.close());

  it('answers 201 with the id and stores the submission with every field, comment verbatim', async () => {
    const comment = '  <script>alert("oi")</script> & ótimo atendimento 😀\n';
    const body = submission({ kind: 'nps', score: 0, comment, contact: { email: ' Ana@Example.com ', name: 'Ana' }, consent, page: 'https://loja.example/pedido/7', locale: 'pt-BR', orderId: 'A-7' });
    const response = await h.post(body);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: body.id, receivedAt: '2026-11-22T19:28:00.000Z' });
    const { body: page } = await h.list('site=shop');
    expect(page.items).toEqual([
      {
        id: body.id, site: 'shop', kind: 'nps', score: 0, comment, contact: { email: 'Ana@Example.com', phone: null, name: 'Ana' }, consent,
        page: 'https://loja.example/pedido/7', locale: 'pt-BR', orderId: 'A-7', verified: false, receivedAt: '2026-11-22T19:28:00.000Z',
      },
    ]);
  });

  it('answers a repeated id with 200 and the original result, keeping exactly one row (the first body)', async () => {
    const first = submission({ score: 2 });
    expect((await h.post(first)).status).toBe(201);
    h.clock.now += 60_000;
    const again = await h.post({ ...first, score: 5, comment: 'changed my mind' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: first.id, receivedAt: '2026-11-22T19:28:00.000Z' });
    const { body: page } = await h.list('site=shop');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ id: first.id, score: 2, comment: null });
  });

  it('keeps the same id apart per site', async () => {
    const id = 'shared-id-123';
    expect((await h.post(submission({ id }))).status).toBe(201);
    expect((await h.post(submission({ id, site: 'other' }), { origin: 'https://outra.example' })).status).toBe(201);
  });

  it.each([
    ['kind', { kind: 'ces' }],
    ['kind', { kind: undefined }],
    ['score', { score: 6 }],
    ['score', { score: 0 }],
    ['score', { score: 4.5 }],
    ['score', { kind: 'nps', score: 11 }],
    ['score', { score: '5' }],
    ['id', { id: 'short' }],
    ['id', { id: 'x'.repeat(101) }],
    ['comment', { comment: 'a'.repeat(2001) }],
    ['comment', { comment: 42 }],
    ['contact.email', { contact: { email: 'ana-at-example' }, consent }],
    ['contact.phone', { contact: { phone: 'call me' }, consent }],
    ['consent.given', { contact: { phone: '+55 11 98765-4321' } }],
    ['consent.given', { contact: { name: 'Ana' }, consent: { ...consent, given: false } }],
    ['consent.text', { consent: { given: true, version: '1' } }],
    ['elapsedMs', { elapsedMs: 'slow' }],
    ['locale', { locale: 'x'.repeat(36) }],
    ['site', { site: undefined }],
  ])('answers 400 naming %s', async (field, overrides) => {
    const response = await h.post(submission(overrides));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; field: string };
    expect(body.field).toBe(field);
    expect(body.error).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    expect((await h.list('site=shop')).body.items).toEqual([]);
  });

  it('takes 2000 characters counted as characters, not UTF-16 units', async () => {
    expect((await h.post(submission({ comment: '😀'.repeat(2000) }))).status).toBe(201);
  });

  it('drops an all-empty contact instead of asking consent for it', async () => {
    const body = submission({ contact: { email: '', phone: null } });
    expect((await h.post(body)).status).toBe(201);
    expect((await h.list('site=shop')).body.items[0]?.contact).toBeNull();
  });

  it('answers 400 naming the body for broken JSON and non-objects', async () => {
    for (const text of ['{"site":"shop",', '[1,2]', '"text"', 'null']) {
      const response = await h.post(text);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: 'body' });
    }
  });

  it('answers 415 when the body is not declared as JSON', async () => {
    expect((await h.post(submission(), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await h.post(submission(), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const charset = await h.post(submission(), { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.status).toBe(201);
  });

  it('answers 413 over 16 KB, whether declared up front or only found while reading', async () => {
    const big = JSON.stringify(submission({ comment: 'a'.repeat(17_000) }));
    expect((await h.post(big)).status).toBe(413);
    expect((await h.post(big, { 'content-length': String(big.length) })).status).toBe(413);
    expect((await h.list('site=shop')).body.items).toEqual([]);
  });

  it('answers 403 for an unknown site and for an origin the site does not list', async () => {
    const unknown = await h.post(submission({ site: 'nobody' }));
    expect(unknown.status).toBe(403);
    const foreign = await h.post(submission(), { origin: 'https://outra.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await h.post(submission(), { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('accepts a submission without Origin (not a browser) and lets the allowed origin read the answer', async () => {
    expect((await h.post(submission(), { origin: '' })).status).toBe(201);
    const response = await h.post(submission(), { origin: 'http://localhost:8788' });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8788');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('accepts honeypot and too-fast submissions like any other but stores only a count', async () => {
    for (const overrides of [{ hp: 'http://spam.example' }, { hp: true }, { elapsedMs: 300 }, { elapsedMs: 0, score: 99 }]) {
      const body = submission(overrides);
      const response = await h.post(body);
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual({ id: body.id, receivedAt: '2026-11-22T19:28:00.000Z' });
    }
    expect((await h.list('site=shop')).body.items).toEqual([]);
    const screened = await h.app.request('/v1/screened?site=shop', { headers: { authorization: `Bearer ${SHOP.token}` } });
    expect(await screened.json()).toEqual({ counts: [{ day: '2026-11-22', reason: 'honeypot', count: 2 }, { day: '2026-11-22', reason: 'too-fast', count: 2 }] });
    expect((await h.post(submission({ hp: '  ', elapsedMs: 1500 }))).status).toBe(201);
    expect((await h.list('site=shop')).body.items).toHaveLength(1);
  });

  it('marks a contact verified only with the store signature over that same contact', async () => {
    const contact = { email: 'ana@example.com', phone: '+55 11 98765-4321' };
    const token = signContact(SHOP.secret!, { email: ' ANA@example.com', phone: '+5511987654321' });
    const cases = [
      { token, contact, verified: true },
      { token, contact: { ...contact, email: 'bia@example.com' }, verified: false },
      { token: signContact(SHOP.token, contact), contact, verified: false },
      { token: 'f'.repeat(64), contact, verified: false },
      { token: 'not hex', contact, verified: false },
      { token: undefined, contact, verified: false },
    ];
    for (const { token: t, contact: c } of cases) expect((await h.post(submission({ contact: c, consent, token: t }))).status).toBe(201);
    expect((await h.list('site=shop')).body.items.map((item) => item.verified)).toEqual(cases.map((c) => c.verified));
  });

  it('uses the token as the signing secret for a site without its own secret', async () => {
    const contact = { email: 'ana@example.com' };
    const response = await h.post(submission({ site: 'other', contact, consent, token: signContact(OTHER.token, contact) }), { origin: 'https://outra.example' });
    expect(response.status).toBe(201);
    const { body } = await h.list('site=other', OTHER.token);
    expect(body.items[0]?.verified).toBe(true);
  });

  it('logs one JSON-able line per request without comment or contact data', async () => {
    await h.post(submission({ comment: 'segredo do cliente', contact: { email: 'ana@example.com' }, consent }));
    await h.post(submission({ site: 'nobody' }));
    expect(h.logs).toEqual([
      { level: 'info', msg: 'request', method: 'POST', path: '/v1/feedback', status: 201, ms: expect.any(Number), site: 'shop' },
      { level: 'warn', msg: 'request', method: 'POST', path: '/v1/feedback', status: 403, ms: expect.any(Number), site: null },
    ]);
    expect(JSON.stringify(h.logs)).not.toMatch(/segredo|ana@example/);
  });
});
