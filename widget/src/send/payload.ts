import type { Ask, Locale } from '../options';

export interface Contact {
  email?: string;
  phone?: string;
  name?: string;
}

/** What the visitor agreed to, word for word, and which version of that wording it was. */
export interface Consent {
  given: true;
  text: string;
  version: string;
}

/** The body of `POST ${endpoint}/v1/feedback`: one score per submission. */
export interface FeedbackPayload {
  site: string;
  /** Idempotency key, made once per submission and kept through every retry. */
  id: string;
  kind: 'csat' | 'nps';
  score: number;
  comment?: string;
  /** Only when the visitor ticked the consent box. */
  contact?: Contact;
  consent?: Consent;
  /** The page's URL without query or hash (those may carry emails, coupons, session ids). */
  page: string;
  locale: Locale;
  orderId?: string;
  /** The store's HMAC binding the identified contact, passed through untouched; only sent with a contact. */
  token?: string;
  /** Honeypot: humans leave it empty; the collector discards rows where it is not. */
  hp: string;
  elapsedMs: number;
}

/** What the form holds when the visitor submits. */
export interface Answers {
  csat: number | null;
  nps: number | null;
  comment: string;
  consent: boolean;
  email: string;
  phone: string;
  hp: string;
}

/** What the store told us with `clientela('identify', …)`, validated. */
export interface Identity {
  email?: string;
  phone?: string;
  name?: string;
  token?: string;
}

export const COMMENT_MAX = 2000;

// Own properties only: a polluted Object.prototype must not invent an email or an order id.
const hasOwn = Object.prototype.hasOwnProperty;
function field(source: unknown, key: string, max: number, numbers = false): string | undefined {
  if (!source || typeof source !== 'object' || !hasOwn.call(source, key)) return undefined;
  const value = (source as Record<string, unknown>)[key];
  const text = typeof value === 'string' ? value : numbers && typeof value === 'number' && value === value ? String(value) : '';
  return text.trim().slice(0, max) || undefined;
}

/** Validates the argument of `identify`: known string fields only, each bounded. */
export function readIdentity(raw: unknown): Identity {
  const identity: Identity = {};
  const email = field(raw, 'email', 320);
  const phone = field(raw, 'phone', 40);
  const name = field(raw, 'name', 200);
  const token = field(raw, 'token', 1024);
  if (email) identity.email = email;
  if (phone) identity.phone = phone;
  if (name) identity.name = name;
  if (token) identity.token = token;
  return identity;
}

/** The order id of `thankyou` (a string or a number), bounded. */
export function readOrderId(raw: unknown): string | undefined {
  return field(raw, 'orderId', 100, true);
}

/** The page as the collector should see it: no query, no hash, no user:password. */
export function pageUrl(href: string): string {
  try {
    const url = new URL(href);
    url.username = url.password = url.search = url.hash = '';
    return url.href;
  } catch {
    return href.replace(/[?#][\s\S]*$/, '');
  }
}

export const isEmail = (text: string): boolean => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
/** 8 to 15 digits (E.164 max), with the usual punctuation around them. */
export const isPhone = (text: string): boolean => /^\+?[\d\s().-]{8,25}$/.test(text) && /^(\D*\d){8,15}\D*$/.test(text);

/** The first thing stopping a submission, or null: a score, then a well-formed email/phone when consented. */
export function findProblem(answers: Answers, ask: Ask): 'score' | 'email' | 'phone' | null {
  const wantsCsat = ask !== 'nps';
  const wantsNps = ask !== 'csat';
  if (!(wantsCsat && answers.csat !== null) && !(wantsNps && answers.nps !== null)) return 'score';
  if (answers.consent && answers.email.trim() && !isEmail(answers.email.trim())) return 'email';
  if (answers.consent && answers.phone.trim() && !isPhone(answers.phone.trim())) return 'phone';
  return null;
}

export interface PayloadContext {
  site: string;
  locale: Locale;
  ask: Ask;
  href: string;
  identity: Identity;
  orderId: string | undefined;
  consentText: string;
  consentVersion: string;
  elapsedMs: number;
  newId: () => string;
}

/**
 * One payload per answered score (CSAT first). The comment travels with the first one only, so the collector
 * does not show it twice; contact, consent and the order id travel with each, so each row stands on its own.
 * Contact (typed or identified) and the token leave the browser only when the consent box is ticked.
 */
export function buildPayloads(answers: Answers, c: PayloadContext): FeedbackPayload[] {
  // Objects, not [kind, score] tuples: array destructuring goes through the (replaceable) array iterator.
  const scores: { kind: 'csat' | 'nps'; score: number }[] = [];
  if (c.ask !== 'nps' && answers.csat !== null) scores.push({ kind: 'csat', score: answers.csat });
  if (c.ask !== 'csat' && answers.nps !== null) scores.push({ kind: 'nps', score: answers.nps });
  const comment = answers.comment.trim().slice(0, COMMENT_MAX);
  const contact: Contact = {};
  if (answers.consent) {
    const email = answers.email.trim();
    const phone = answers.phone.trim();
    if (email) contact.email = email;
    if (phone) contact.phone = phone;
    if (c.identity.name) contact.name = c.identity.name;
  }
  const hasContact = !!(contact.email || contact.phone || contact.name);
  const payloads: FeedbackPayload[] = [];
  for (let i = 0; i < scores.length; i++) {
    const { kind, score } = scores[i]!;
    const payload: FeedbackPayload = { site: c.site, id: c.newId(), kind, score, page: pageUrl(c.href), locale: c.locale, hp: answers.hp, elapsedMs: Math.max(0, Math.round(c.elapsedMs)) };
    if (i === 0 && comment) payload.comment = comment;
    if (answers.consent) payload.consent = { given: true, text: c.consentText, version: c.consentVersion };
    if (hasContact) payload.contact = { ...contact };
    if (hasContact && c.identity.token) payload.token = c.identity.token;
    if (c.orderId) payload.orderId = c.orderId;
    payloads.push(payload);
  }
  return payloads;
}
