import { z } from '../zod';
import { type LocalizedText, resolveLocale } from '../locale';

/** Funnel stages the seller moves a contact through by hand (the data cannot tell "considering" from "deciding"). */
export const DEFAULT_FUNNEL_STAGES = ['discovery', 'consideration', 'decision', 'customer'] as const;
export type DefaultFunnelStage = (typeof DEFAULT_FUNNEL_STAGES)[number];

export const DEFAULT_FUNNEL_STAGE_LABELS: Readonly<Record<DefaultFunnelStage, LocalizedText>> = {
  discovery: { en: 'Discovery', 'pt-BR': 'Descoberta', 'pt-PT': 'Descoberta', es: 'Descubrimiento' },
  consideration: { en: 'Consideration', 'pt-BR': 'Consideração', 'pt-PT': 'Consideração', es: 'Consideración' },
  decision: { en: 'Decision', 'pt-BR': 'Decisão', 'pt-PT': 'Decisão', es: 'Decisión' },
  customer: { en: 'Customer', 'pt-BR': 'Cliente', 'pt-PT': 'Cliente', es: 'Cliente' },
};

/**
 * A seller's own stage list: ordered, distinct, non-empty ids of at most 60 characters (the size of
 * Customer.funnelStage).
 */
export const funnelStagesSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(60, 'is too long (60 characters at most)'))
  .min(1, 'must have at least one stage')
  .superRefine((stages, ctx) => {
    const seen = new Set<string>();
    stages.forEach((stage, index) => {
      if (seen.has(stage)) ctx.addIssue({ code: 'custom', path: [index], message: `repeats the stage "${stage}"` });
      seen.add(stage);
    });
  });

export type FunnelStageCheck = { readonly ok: true; readonly stage: string | null } | { readonly ok: false; readonly message: string };

/** Checks a customer's stage against the list; null (no stage set) is always allowed. */
export function validateFunnelStage(stage: string | null, stages: readonly string[] = DEFAULT_FUNNEL_STAGES): FunnelStageCheck {
  if (stage === null || stages.includes(stage)) return { ok: true, stage };
  return { ok: false, message: `funnel stage "${stage}" is not one of: ${stages.join(', ')}` };
}

/** Position in the list (for sorting and "at or past" comparisons); −1 for none or unknown. */
export function funnelStageIndex(stage: string | null, stages: readonly string[] = DEFAULT_FUNNEL_STAGES): number {
  return stage === null ? -1 : stages.indexOf(stage);
}

/**
 * Name to show for a stage: the seller's own label when given, the built-in one for default stages, otherwise the
 * id itself (a custom stage is already in the seller's words).
 */
export function funnelStageLabel(stage: string, locale: string, customLabels: Readonly<Record<string, string>> = {}): string {
  const custom = customLabels[stage];
  if (custom !== undefined) return custom;
  const builtIn = (DEFAULT_FUNNEL_STAGE_LABELS as Readonly<Record<string, LocalizedText | undefined>>)[stage];
  return builtIn ? builtIn[resolveLocale(locale)] : stage;
}
