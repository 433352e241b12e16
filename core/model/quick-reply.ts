import { z } from '../zod';
import { recordId } from './common';

/**
 * The variables a quick reply may use, `{nome}` in its text, in the seller's words (pt-BR, as they type them).
 * Each is filled from the customer's profile when the reply is shown; `{chave_pix}` is the seller's own setting.
 */
export const QUICK_REPLY_VARIABLES = ['nome', 'nome_completo', 'ultima_compra', 'ticket_medio', 'total_gasto', 'chave_pix'] as const;
export type QuickReplyVariable = (typeof QUICK_REPLY_VARIABLES)[number];

/** A `{word}` in a reply's text: what the seller meant as a variable, known or not. */
const VARIABLE = /\{([^{}\s]{1,40})\}/g;

/** The variables `text` names that Clientela does not know, each once, in order of appearance. */
export function unknownQuickReplyVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(VARIABLE)) {
    if (!(QUICK_REPLY_VARIABLES as readonly string[]).includes(name as string)) unknown.add(name as string);
  }
  return [...unknown];
}

/**
 * Which customers a reply is for: those at one funnel stage (set by the seller) or one lifecycle stage (judged
 * from their purchases), or everyone (null). Stage ids are not checked against a list: the seller's funnel may grow.
 */
export const quickReplyStageSchema = z
  .object({
    kind: z.enum(['funnel', 'lifecycle']),
    id: z.string().trim().min(1, 'must not be empty').max(60, 'is too long (60 characters at most)'),
  })
  .nullable();
export type QuickReplyStage = z.infer<typeof quickReplyStageSchema>;

export const quickReplySchema = z.object({
  id: recordId,
  name: z.string().trim().min(1, 'must not be empty').max(60, 'is too long (60 characters at most)'),
  stage: quickReplyStageSchema,
  text: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(2000, 'is too long (2000 characters at most)')
    .superRefine((text, ctx) => {
      const unknown = unknownQuickReplyVariables(text);
      if (unknown.length === 0) return;
      const known = QUICK_REPLY_VARIABLES.map((name) => `{${name}}`).join(', ');
      ctx.addIssue({ code: 'custom', message: `uses ${unknown.map((name) => `{${name}}`).join(', ')}, which Clientela does not know (use ${known})` });
    }),
  /** Place in the seller's list (0 first); the sidebar offers a stage's replies in this order. */
  position: z.number().int().nonnegative(),
});
export type QuickReply = z.infer<typeof quickReplySchema>;

/** The facts a customer's stage is judged by: their funnel stage and, when known, their lifecycle stage. */
export interface QuickReplyAudience {
  funnelStage: string | null;
  lifecycleStage: string | null;
}

/** Whether `reply` is for a customer in `audience` (replies for any stage always are). */
export function quickReplyFits(reply: Pick<QuickReply, 'stage'>, audience: QuickReplyAudience): boolean {
  if (reply.stage === null) return true;
  return reply.stage.id === (reply.stage.kind === 'funnel' ? audience.funnelStage : audience.lifecycleStage);
}

/**
 * The replies for a customer, in the seller's order: those of their stage first, then those for any stage.
 * `replies` must be in list order (position).
 */
export function quickRepliesFor<R extends Pick<QuickReply, 'stage'>>(replies: readonly R[], audience: QuickReplyAudience): R[] {
  const fitting = replies.filter((reply) => quickReplyFits(reply, audience));
  return [...fitting.filter((reply) => reply.stage !== null), ...fitting.filter((reply) => reply.stage === null)];
}

/**
 * `text` with each variable replaced by its value; a variable with no value (a customer who never bought has
 * no last purchase) is replaced by `missing`. Values are plain text: the reply is typed into a chat, never HTML.
 */
export function fillQuickReply(text: string, values: Partial<Record<QuickReplyVariable, string>>, missing = ''): string {
  return text.replace(VARIABLE, (whole, name: string) => {
    if (!(QUICK_REPLY_VARIABLES as readonly string[]).includes(name)) return whole;
    return values[name as QuickReplyVariable] ?? missing;
  });
}
