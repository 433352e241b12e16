import { z } from '../zod';
import { fieldProblems, isoDateTime } from '../model';

/**
 * The feedback wire format, defined once: what a collector accepts from the storefront widget
 * (`POST /v1/feedback`), what it serves to the extension (`GET /v1/feedback`), and every limit of both. The
 * collector validates posts and types its pages with these schemas; the extension reads pages with them. Two
 * definitions drifted apart once (the collector took a 35-character locale the extension refused, and one such
 * post stopped every later sync), so there is one, and a test reads a collector's own pages through the reader.
 */
export const FEEDBACK_LIMITS = {
  /** The widget's idempotency key. */
  idMin: 8,
  idMax: 100,
  /** Site keys: letters, digits, `-` and `_` (the collector's sites file holds the same rule). */
  siteMax: 63,
  /** Counted in code points, so an emoji counts once. */
  commentChars: 2000,
  email: 254,
  phone: 40,
  name: 200,
  consentText: 2000,
  consentVersion: 100,
  page: 2000,
  locale: 35,
  orderId: 200,
  token: 200,
} as const;

/** Page sizes of `GET /v1/feedback`: when `limit` is not given, and the largest allowed. */
export const FEEDBACK_PAGE_SIZE = { default: 100, max: 500 } as const;

/** A collector's cursor: the decimal sequence number of a stored item; pages only ever move it forward. */
export const feedbackCursorSchema = z.string().regex(/^\d{1,15}$/, 'must be a cursor from a previous page');

const L = FEEDBACK_LIMITS;
const tooLong = (max: number) => `is too long (${max} characters at most)`;
const codePoints = (text: string) => (text.length <= L.commentChars ? text.length : [...text].length);
const SITE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

// ---------------------------------------------------------------------------------------------------------
// What the collector accepts.

// Widgets send '' or null for fields the visitor left empty: both mean absent.
const optionalText = (max: number) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string('must be text').max(max, tooLong(max)).optional());
const trimmedOptional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : (value ?? undefined)), schema.optional());

const submittedContact = z.object({
  email: trimmedOptional(z.email('must be an email address such as ana@example.com').max(L.email, tooLong(L.email))),
  phone: trimmedOptional(
    z.string('must be text').max(L.phone, tooLong(L.phone)).regex(/^\+?[\d\s().-]{6,}$/, 'must be a phone number such as +55 11 98765-4321'),
  ),
  name: trimmedOptional(z.string('must be text').max(L.name, tooLong(L.name))),
});

const consentFields = {
  given: z.boolean('must be true or false'),
  /** The wording the visitor agreed to, kept so the seller can show what was consented to. */
  text: z.string('must be the consent wording shown').min(1, 'must be the consent wording shown').max(L.consentText, tooLong(L.consentText)),
  version: z.string('must name the consent wording version').min(1, 'must name the consent wording version').max(L.consentVersion, tooLong(L.consentVersion)),
};

const submittedComment = z.preprocess(
  (value) => (value === null ? undefined : value),
  // Verbatim: never trimmed, escaped or interpreted; the reader decides how to display it.
  z.string('must be text').refine((text) => codePoints(text) <= L.commentChars, tooLong(L.commentChars)).optional(),
);

const submittedCommon = {
  site: z.string('must be the site key').regex(SITE_KEY, 'must be the site key'),
  id: z.string('must be text').min(L.idMin, `must be ${L.idMin} to ${L.idMax} characters`).max(L.idMax, `must be ${L.idMin} to ${L.idMax} characters`),
  comment: submittedComment,
  contact: z.preprocess((value) => value ?? undefined, submittedContact.optional()),
  consent: z.preprocess((value) => value ?? undefined, z.object(consentFields).optional()),
  page: optionalText(L.page),
  locale: optionalText(L.locale),
  orderId: optionalText(L.orderId),
  /** The store's HMAC of the contact (see the collector's contact-signature.ts). */
  token: optionalText(L.token),
  hp: z.unknown().optional(),
  elapsedMs: z.preprocess((value) => value ?? undefined, z.number('must be a number of milliseconds').nonnegative('must not be negative').optional()),
};

const csatScore = z.number('must be a whole number from 1 to 5').int('must be a whole number from 1 to 5').min(1, 'must be a whole number from 1 to 5').max(5, 'must be a whole number from 1 to 5');
const npsScore = z.number('must be a whole number from 0 to 10').int('must be a whole number from 0 to 10').min(0, 'must be a whole number from 0 to 10').max(10, 'must be a whole number from 0 to 10');

// Unknown keys are dropped, not refused: an older collector keeps accepting a newer widget.
const feedbackSubmissionSchema = z.discriminatedUnion(
  'kind',
  [z.object({ ...submittedCommon, kind: z.literal('csat'), score: csatScore }), z.object({ ...submittedCommon, kind: z.literal('nps'), score: npsScore })],
  { error: "must be 'csat' or 'nps'" },
);

/** One visitor submission after validation; absent optional fields are `undefined`. */
export type FeedbackSubmission = z.infer<typeof feedbackSubmissionSchema>;

/** A rejected submission: which field, and why, in words the widget can show. */
export interface SubmissionProblem {
  field: string;
  error: string;
}

/**
 * Validates a POST body. Beyond the shapes: a contact with any of email, phone or name is only accepted with
 * `consent.given === true` (LGPD/GDPR: no personal data kept without consent), and the refusal names
 * `consent.given` so a widget bug surfaces instead of the contact being silently dropped.
 */
export function parseFeedbackSubmission(body: unknown): { ok: true; value: FeedbackSubmission } | { ok: false; problem: SubmissionProblem } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: { field: 'body', error: 'body: must be a JSON object' } };
  const result = feedbackSubmissionSchema.safeParse(body);
  if (!result.success) {
    const [problem] = fieldProblems(result.error);
    const field = problem?.field || 'body';
    return { ok: false, problem: { field, error: `${field}: ${problem?.message ?? 'is invalid'}` } };
  }
  const value = result.data;
  const contact = value.contact;
  const hasContact = contact !== undefined && (contact.email !== undefined || contact.phone !== undefined || contact.name !== undefined);
  if (hasContact && value.consent?.given !== true) {
    return { ok: false, problem: { field: 'consent.given', error: 'consent.given: must be true when a contact is sent' } };
  }
  return { ok: true, value: hasContact ? value : { ...value, contact: undefined } };
}

// ---------------------------------------------------------------------------------------------------------
// What the collector serves.

const servedText = (max: number) => z.string().max(max, tooLong(max)).nullable();
const servedBase = {
  id: z.string().min(L.idMin).max(L.idMax),
  site: z.string().regex(SITE_KEY, 'must be a site key'),
  comment: z.string().refine((text) => codePoints(text) <= L.commentChars, tooLong(L.commentChars)).nullable(),
  contact: z.object({ email: servedText(L.email), phone: servedText(L.phone), name: servedText(L.name) }).nullable(),
  consent: z.object(consentFields).nullable(),
  page: servedText(L.page),
  locale: servedText(L.locale),
  orderId: servedText(L.orderId),
  /** True only when the store signed the contact; otherwise the contact is the visitor's claim. */
  verified: z.boolean(),
  receivedAt: isoDateTime,
};

/** One stored submission as `GET /v1/feedback` serves it. Absent fields are null. */
export const collectedFeedbackSchema = z.discriminatedUnion('kind', [
  z.object({ ...servedBase, kind: z.literal('csat'), score: csatScore }),
  z.object({ ...servedBase, kind: z.literal('nps'), score: npsScore }),
]);
export type CollectedFeedback = z.infer<typeof collectedFeedbackSchema>;

/** What the collector adds to a submission when it stores it. */
export interface Received {
  site: string;
  verified: boolean;
  receivedAt: string;
}

/** The item the collector stores and serves for an accepted submission: the one conversion, so the two agree. */
export function collectedFeedbackOf(input: FeedbackSubmission, received: Received): CollectedFeedback {
  const contact = input.contact ? { email: input.contact.email ?? null, phone: input.contact.phone ?? null, name: input.contact.name ?? null } : null;
  // One object literal with every field in a fixed order, not a spread per kind: on the collector's busiest route
  // the spread built a slow object that cost about 4 µs here and more where the store reads it.
  const item = {
    id: input.id,
    site: received.site,
    kind: input.kind,
    score: input.score,
    comment: input.comment ?? null,
    contact,
    consent: input.consent ?? null,
    page: input.page ?? null,
    locale: input.locale ?? null,
    orderId: input.orderId ?? null,
    verified: contact !== null && received.verified,
    receivedAt: received.receivedAt,
  };
  return item as CollectedFeedback;
}

/**
 * A page of `GET /v1/feedback`: `next` is the cursor of the following page (null when there is none yet);
 * `cursor` is where this page ended, to resume from later. The items are judged one by one (readCollectedPage).
 */
const feedbackPageEnvelope = z.object({
  items: z.array(z.unknown()).max(FEEDBACK_PAGE_SIZE.max, `must hold at most ${FEEDBACK_PAGE_SIZE.max} items`),
  next: feedbackCursorSchema.nullable(),
  cursor: feedbackCursorSchema.nullable().optional(),
});
export interface CollectedPage {
  items: CollectedFeedback[];
  next: string | null;
  cursor?: string | null;
}

/** An item the reader could not read: where it was, its id if it had a readable one, why, and its text (bounded). */
export interface UnreadableItem {
  position: number;
  id: string | null;
  reason: string;
  /** The item as JSON, cut at RAW_KEPT_CHARS: kept so nothing a visitor sent is lost without a trace. */
  raw: string;
}
export const RAW_KEPT_CHARS = 4000;

/** The page envelope itself is unreadable (not items in it): the sync stops with this message. */
export class CollectedPageError extends Error {
  override name = 'CollectedPageError';
}

/**
 * Reads a collector's page item by item: readable items come back in order, and an item this version cannot read
 * is set aside with its reason instead of refusing the page, so one bad item can never stop a sync. Throws
 * CollectedPageError only when the page itself (its cursors, its list) is unreadable.
 */
export function readCollectedPage(json: unknown): { page: CollectedPage; unreadable: UnreadableItem[] } {
  const envelope = feedbackPageEnvelope.safeParse(json);
  if (!envelope.success) throw new CollectedPageError(fieldProblems(envelope.error).map((p) => `${p.field || 'page'}: ${p.message}`).join('; '));
  const items: CollectedFeedback[] = [];
  const unreadable: UnreadableItem[] = [];
  envelope.data.items.forEach((raw, position) => {
    const item = collectedFeedbackSchema.safeParse(raw);
    if (item.success) items.push(item.data);
    else unreadable.push({ position, id: readableId(raw), reason: fieldProblems(item.error).map((p) => `${p.field || 'item'}: ${p.message}`).join('; '), raw: keptText(raw) });
  });
  return { page: { items, next: envelope.data.next, cursor: envelope.data.cursor }, unreadable };
}

function readableId(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 ? id.slice(0, L.idMax) : null;
}

function keptText(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch {
    text = String(raw);
  }
  return text.length > RAW_KEPT_CHARS ? `${text.slice(0, RAW_KEPT_CHARS)}…` : text;
}
