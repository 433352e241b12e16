import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPayloads, findProblem, pageUrl, readIdentity, readOrderId, type Answers, type PayloadContext } from './payload';

const answers = (change: Partial<Answers> = {}): Answers => ({ csat: 4, nps: null, comment: '', consent: false, email: '', phone: '', hp: '', ...change });
let n = 0;
const context = (change: Partial<PayloadContext> = {}): PayloadContext => ({
  site: 'demo',
  locale: 'pt-BR',
  ask: 'csat',
  href: 'https://loja.example/obrigado?cupom=ANA10&email=a%40b.co#topo',
  identity: {},
  orderId: undefined,
  consentText: 'Quero que a loja me responda…',
  consentVersion: '2026-01',
  elapsedMs: 8123.6,
  newId: () => `id-${++n}`,
  ...change,
});

describe('feedback payloads', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).email;
  });

  it('has the documented shape: page without query or hash, whole milliseconds, honeypot passed through', () => {
    const [payload, ...rest] = buildPayloads(answers({ comment: '  Chegou rápido!  ', hp: '' }), context());
    expect(rest).toEqual([]);
    expect(payload).toEqual({
      site: 'demo',
      id: expect.stringMatching(/^id-/),
      kind: 'csat',
      score: 4,
      comment: 'Chegou rápido!',
      page: 'https://loja.example/obrigado',
      locale: 'pt-BR',
      hp: '',
      elapsedMs: 8124,
    });
  });

  it('sends no contact, consent or token without the consent box, even when the store identified the visitor', () => {
    const identity = { email: 'ana@example.com', name: 'Ana', token: 'hmac' };
    const [payload] = buildPayloads(answers({ email: 'ana@example.com', phone: '+55 31 99999-0000' }), context({ identity }));
    expect(payload).not.toHaveProperty('contact');
    expect(payload).not.toHaveProperty('consent');
    expect(payload).not.toHaveProperty('token');
  });

  it('with consent, sends the contact, the exact consent text and version, and the store token', () => {
    const identity = { email: 'ana@example.com', name: 'Ana', token: 'hmac' };
    const [payload] = buildPayloads(answers({ consent: true, email: ' ana@example.com ', phone: '+55 31 99999-0000' }), context({ identity }));
    expect(payload?.contact).toEqual({ email: 'ana@example.com', phone: '+55 31 99999-0000', name: 'Ana' });
    expect(payload?.consent).toEqual({ given: true, text: 'Quero que a loja me responda…', version: '2026-01' });
    expect(payload?.token).toBe('hmac');
  });

  it('keeps the token at home when consent was given but there is no contact to bind it to', () => {
    const [payload] = buildPayloads(answers({ consent: true }), context({ identity: { token: 'hmac' } }));
    expect(payload?.consent?.given).toBe(true);
    expect(payload).not.toHaveProperty('contact');
    expect(payload).not.toHaveProperty('token');
  });

  it('asks both: two submissions with two ids, the comment on the first only, the order on each', () => {
    const payloads = buildPayloads(answers({ csat: 5, nps: 9, comment: 'Amei' }), context({ ask: 'both', orderId: '1042' }));
    expect(payloads.map((p) => [p.kind, p.score, p.comment, p.orderId])).toEqual([
      ['csat', 5, 'Amei', '1042'],
      ['nps', 9, undefined, '1042'],
    ]);
    expect(new Set(payloads.map((p) => p.id)).size).toBe(2);
  });

  it('sends only the questions asked', () => {
    expect(buildPayloads(answers({ csat: 3, nps: 7 }), context({ ask: 'nps' })).map((p) => p.kind)).toEqual(['nps']);
    expect(buildPayloads(answers({ csat: null, nps: 0 }), context({ ask: 'both' })).map((p) => p.score)).toEqual([0]);
  });

  it('never lets a query string or fragment reach the collector', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const page = pageUrl(url);
        expect(page).not.toMatch(/[?#]/);
        // Same place: origin and path survive (as the URL parser normalizes them).
        expect([new URL(page).origin, new URL(page).pathname]).toEqual([new URL(url).origin, new URL(url).pathname]);
      }),
    );
    expect(pageUrl('https://user:secret@loja.example/a?b#c')).toBe('https://loja.example/a');
    expect(pageUrl('not a url?x=1#y')).toBe('not a url');
  });

  it('reads identify() defensively: own string fields, bounded, nothing inherited', () => {
    (Object.prototype as Record<string, unknown>).email = 'polluted@example.com';
    expect(readIdentity({})).toEqual({});
    expect(readIdentity(null)).toEqual({});
    expect(readIdentity('ana@example.com')).toEqual({});
    expect(readIdentity({ email: 42, phone: ' +351 912 345 678 ', name: 'x'.repeat(500) })).toEqual({ phone: '+351 912 345 678', name: 'x'.repeat(200) });
  });

  it('accepts an order id as a string or a number', () => {
    expect(readOrderId({ orderId: '1042' })).toBe('1042');
    expect(readOrderId({ orderId: 1042 })).toBe('1042');
    expect(readOrderId({ orderId: NaN })).toBeUndefined();
    expect(readOrderId({ orderId: {} })).toBeUndefined();
    expect(readOrderId(undefined)).toBeUndefined();
  });

  it('stops a submission without a score, or with a malformed contact the visitor agreed to send', () => {
    expect(findProblem(answers({ csat: null }), 'csat')).toBe('score');
    expect(findProblem(answers({ csat: 4 }), 'nps')).toBe('score');
    expect(findProblem(answers({ csat: null, nps: 0 }), 'both')).toBeNull();
    expect(findProblem(answers({ consent: true, email: 'ana@' }), 'csat')).toBe('email');
    expect(findProblem(answers({ consent: false, email: 'ana@' }), 'csat')).toBeNull();
    expect(findProblem(answers({ consent: true, phone: '123' }), 'csat')).toBe('phone');
    expect(findProblem(answers({ consent: true, email: 'ana@loja.com.br', phone: '(31) 99999-0000' }), 'csat')).toBeNull();
  });
});
