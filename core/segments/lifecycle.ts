import type { ActivityResult } from './activity';
import { type LocalizedText, resolveLocale } from '../locale';
import { sharedList } from './shared-lists';

/**
 * Lifecycle stage, derived from data (unlike the funnel stage, which the seller sets). First match wins:
 *   prospect         no paid order;
 *   recovery         activity inactive or lost;
 *   needs-retention  any retention signal (below);
 *   first-purchase   one purchase day;
 *   repeat           two or more purchase days (loyal).
 */
export const LIFECYCLE_STAGES = ['prospect', 'first-purchase', 'repeat', 'needs-retention', 'recovery'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Why a customer needs retention:
 *   at-risk            activity status at-risk;
 *   falling-frequency  the last completed gap between purchase days is longer than fallingFrequencyMultiple × their
 *                      typical interval (needs ≥ 3 purchase days: with 2 the only gap IS the typical one);
 *   bad-rating         their latest feedback is a csat ≤ badCsatAtMost or an nps ≤ badNpsAtMost and they have not
 *                      paid for an order since (buying again is taken as having come back).
 */
export type RetentionSignal = 'at-risk' | 'falling-frequency' | 'bad-rating';

export interface LifecycleConfig {
  readonly fallingFrequencyMultiple: number;
  readonly badCsatAtMost: number;
  readonly badNpsAtMost: number;
  /** "High value" = monetary RFM score at least this… */
  readonly highValueMonetaryScore: number;
  /** …or spend in the main currency at least this nearest-rank percentile of the buyers' spend. */
  readonly highValuePercentile: number;
}

export const DEFAULT_LIFECYCLE_CONFIG: LifecycleConfig = Object.freeze({
  fallingFrequencyMultiple: 1.5,
  badCsatAtMost: 2,
  badNpsAtMost: 6,
  highValueMonetaryScore: 4,
  highValuePercentile: 80,
});

export interface LatestFeedback {
  readonly kind: 'csat' | 'nps';
  readonly score: number;
  readonly receivedAt: number;
}

export interface LifecycleInput {
  readonly activity: ActivityResult;
  /** Sorted distinct purchase days. */
  readonly purchaseDays: readonly number[];
  readonly ownIntervalDays: number | null;
  /** Latest feedback of either kind. */
  readonly latestFeedback: LatestFeedback | null;
  /** Epoch ms of the last paid order. */
  readonly lastOrderAt: number | null;
  readonly monetaryScore: number | null;
  readonly spendInMainCurrencyMinor: number;
  /** The book's high-value spend line (percentile above); null when nobody spent in the main currency. */
  readonly highValueSpendMinor: number | null;
}

export interface LifecycleResult {
  readonly stage: LifecycleStage;
  readonly signals: readonly RetentionSignal[];
  /** Monetary score ≥ 4 or spend ≥ the book's 80th percentile (defaults). */
  readonly highValue: boolean;
  /** In recovery and high value: worth a personal message to win back. */
  readonly worthRecovering: boolean;
}

/** True when the latest rating is a complaint not followed by a purchase. */
export function hasUnansweredBadRating(
  latest: LatestFeedback | null,
  lastOrderAt: number | null,
  config: Pick<LifecycleConfig, 'badCsatAtMost' | 'badNpsAtMost'> = DEFAULT_LIFECYCLE_CONFIG,
): boolean {
  if (latest === null) return false;
  const bad = latest.kind === 'csat' ? latest.score <= config.badCsatAtMost : latest.score <= config.badNpsAtMost;
  return bad && (lastOrderAt === null || lastOrderAt <= latest.receivedAt);
}

/** Lifecycle stage, retention signals and value flags of one customer. */
export function deriveLifecycle(input: LifecycleInput, config: LifecycleConfig = DEFAULT_LIFECYCLE_CONFIG): LifecycleResult {
  const { activity, purchaseDays } = input;
  const spend = input.spendInMainCurrencyMinor;
  const highValue =
    purchaseDays.length > 0 &&
    ((input.monetaryScore !== null && input.monetaryScore >= config.highValueMonetaryScore) ||
      (input.highValueSpendMinor !== null && spend > 0 && spend >= input.highValueSpendMinor));
  const signals: RetentionSignal[] = [];
  // The signals as bits, in the order they are listed: with the stage and the value flag, the result's key.
  let mask = 0;
  if (activity.status === 'at-risk') {
    signals.push('at-risk');
    mask |= 1;
  }
  const n = purchaseDays.length;
  if (n >= 3 && input.ownIntervalDays !== null) {
    const lastGap = (purchaseDays[n - 1] as number) - (purchaseDays[n - 2] as number);
    if (lastGap > config.fallingFrequencyMultiple * input.ownIntervalDays) {
      signals.push('falling-frequency');
      mask |= 2;
    }
  }
  if (hasUnansweredBadRating(input.latestFeedback, input.lastOrderAt, config)) {
    signals.push('bad-rating');
    mask |= 4;
  }

  let stage: LifecycleStage;
  if (n === 0) stage = 'prospect';
  else if (activity.status === 'inactive' || activity.status === 'lost') stage = 'recovery';
  else if (signals.length > 0) stage = 'needs-retention';
  else stage = n === 1 ? 'first-purchase' : 'repeat';
  // One frozen result per (stage, signals, value flag), shared by every customer who has it: the engine keeps a
  // result per customer for as long as the book is open, and there are at most 80 distinct ones.
  const key = STAGE_NUMBER[stage] * 16 + mask * 2 + (highValue ? 1 : 0);
  let result = RESULTS[key];
  if (result === undefined) {
    result = Object.freeze({ stage, signals: sharedList(signals), highValue, worthRecovering: stage === 'recovery' && highValue });
    RESULTS[key] = result;
  }
  return result;
}

const STAGE_NUMBER: Readonly<Record<LifecycleStage, number>> = { prospect: 0, 'first-purchase': 1, repeat: 2, 'needs-retention': 3, recovery: 4 };
const RESULTS: (LifecycleResult | undefined)[] = [];

export const LIFECYCLE_STAGE_LABELS: Readonly<Record<LifecycleStage, LocalizedText>> = {
  prospect: { en: 'Prospect', 'pt-BR': 'Interessado', 'pt-PT': 'Interessado', es: 'Interesado' },
  'first-purchase': { en: 'First purchase', 'pt-BR': 'Primeira compra', 'pt-PT': 'Primeira compra', es: 'Primera compra' },
  repeat: { en: 'Repeat customer', 'pt-BR': 'Cliente fiel', 'pt-PT': 'Cliente habitual', es: 'Cliente habitual' },
  'needs-retention': { en: 'Needs retention', 'pt-BR': 'Precisa de cuidado', 'pt-PT': 'Precisa de cuidado', es: 'Necesita cuidado' },
  recovery: { en: 'Win back', 'pt-BR': 'Recuperar', 'pt-PT': 'Recuperar', es: 'Recuperar' },
};

/** Label of a lifecycle stage in the seller's language. */
export function lifecycleStageLabel(stage: LifecycleStage, locale: string): string {
  return LIFECYCLE_STAGE_LABELS[stage][resolveLocale(locale)];
}
