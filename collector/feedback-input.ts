import { z } from '../core/zod';
import { fieldPath } from './field-path';

/** Longest comment kept, in characters (code points, so an emoji counts once). */
export const MAX_COMMENT_CHARS = 2000;

// Widgets send '' or null for fields the visitor left empty: both mean absent.
const optionalText = (max: number) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), z.string().max(max, `is too long (${max} characters at most)`).optional());

const contactSchema = z.object({
  email: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value ?? undefined),
    z.email('must be an email address such as ana@example.com').max(254, 'is too long (254 characters at most)').optional(),
  ),
  phone: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() || undefined : value ?? undefined),
    z.string().max(40, 'is too long (40 characters at most)').regex(/^\+?[\d\s().-]{6,}$/, 'must be a phone number such as +55 11 98765-4321').optional(),
  ),
  name: z.preprocess((value) => (typeof value === 'string' ? value.trim() || undefined : value ?? undefined), z.string().max(200, 'is too long (200 characters at most)').optional()),
});

const consentSchema = z.object({
  given: z.boolean('must be true or false'),
  /** The wording the visitor agreed to, kept so the seller can show what was consented to. */
  text: z.string('must be the consent wording shown').min(1, 'must be the consent wording shown').max(2000, 'is too long (2000 characters at most)'),
  version: z.string('must name the consent wording version').min(1, 'must name the consent wording version').max(100, 'is too long (100 characters at most)'),
});

const comment = z.preprocess(
  (value) => (value === null ? undefined : value),
  z
    .string('must be text')
    // Verbatim: never trimmed, escaped or interpreted; the reader decides how to display it.
    .refine((text) => text.length <= MAX_COMMENT_CHARS || [...text].length <= MAX_COMMENT_CHARS, `is too long (${MAX_COMMENT_CHARS} characters at most)`)
    .optional(),
);

const common = {
  site: z.string(),
  id: z.string('must be text').min(8, 'must be 8 to 100 characters').max(100, 'must be 8 to 100 characters'),
  comment,
  contact: z.preprocess((value) => value ?? undefined, contactSchema.optional()),
  consent: z.preprocess((value) => value ?? undefined, consentSchema.optional()),
  page: optionalText(2000),
  locale: optionalText(35),
  orderId: optionalText(200),
  token: optionalText(200),
  hp: z.unknown().optional(),
  elapsedMs: z.preprocess((value) => value ?? undefined, z.number('must be a number of milliseconds').nonnegative('must not be negative').optional()),
};

// Unknown keys are dropped, not refused: an older collector keeps accepting a newer widget.
const feedbackInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...common, kind: z.literal('csat'), score: z.number('must be a whole number from 1 to 5').int('must be a whole number from 1 to 5').min(1, 'must be a whole number from 1 to 5').max(5, 'must be a whole number from 1 to 5') }),
    z.object({ ...common, kind: z.literal('nps'), score: z.number('must be a whole number from 0 to 10').int('must be a whole number from 0 to 10').min(0, 'must be a whole number from 0 to 10').max(10, 'must be a whole number from 0 to 10') }),
  ],
  { error: "must be 'csat' or 'nps'" },
);

/** One visitor submission after validation; absent optional fields are `undefined`. */
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;

/** A rejected submission: which field, and why, in words the widget can show. */
export interface InputProblem {
  field: string;
  error: string;
}

/**
 * Validates a POST body. Beyond the shapes: a contact with any of email, phone or name is only accepted with
 * `consent.given === true` (LGPD/GDPR: no personal data kept without consent), and the refusal names
 * `consent.given` so a widget bug surfaces instead of the contact being silently dropped.
 */
export function parseFeedbackInput(body: unknown): { ok: true; value: FeedbackInput } | { ok: false; problem: InputProblem } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: { field: 'body', error: 'body: must be a JSON object' } };
  const result = feedbackInputSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? fieldPath(issue.path) || 'body' : 'body';
    return { ok: false, problem: { field, error: `${field}: ${issue?.message ?? 'is invalid'}` } };
  }
  const value = result.data;
  const contact = value.contact;
  const hasContact = contact !== undefined && (contact.email !== undefined || contact.phone !== undefined || contact.name !== undefined);
  if (hasContact && value.consent?.given !== true) {
    return { ok: false, problem: { field: 'consent.given', error: 'consent.given: must be true when a contact is sent' } };
  }
  return { ok: true, value: hasContact ? value : { ...value, contact: undefined } };
}
