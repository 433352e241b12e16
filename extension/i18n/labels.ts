import {
  ACTIVITY_STATUSES,
  CLEANUP_REASONS,
  DEFAULT_FUNNEL_STAGES,
  IDENTITY_KINDS,
  LIFECYCLE_STAGES,
  ORDER_CHANNELS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  ORIGIN_CLASSES,
  PURCHASE_CLASSES,
  RFM_SEGMENT_IDS,
  activityStatusLabel,
  cleanupReasonLabel,
  funnelStageLabel,
  lifecycleStageLabel,
  originClassLabel,
  purchaseClassLabel,
  rfmSegmentLabel,
  type Feedback,
  type IdentityKind,
} from '../../core';
import { displayNames } from '../../core/locale';
import { translate, type Locale, type MessageKey } from './translate';

const FEEDBACK_KINDS = ['csat', 'nps'] as const satisfies readonly Feedback['kind'][];
const FEEDBACK_SOURCES = ['storefront', 'manual', 'import'] as const satisfies readonly Feedback['source'][];
const CLAIM_STATUSES = ['pending', 'linked', 'dismissed', 'prospect'] as const satisfies readonly NonNullable<Feedback['claim']>['status'][];

/**
 * Every value of the model a screen may show, by family. No raw value ever reaches the seller: a screen shows
 * `enumLabel(locale, family, value)`. Words of the book's own model live in the catalogs; the segment words core
 * already writes in every locale (activity, RFM, lifecycle, stages, classes, clean-up) come from core, so the
 * sidebar, the book and core's texts say the same.
 */
export const LABELLED_ENUMS = {
  identityKind: IDENTITY_KINDS,
  orderChannel: ORDER_CHANNELS,
  orderStatus: ORDER_STATUSES,
  orderSource: ORDER_SOURCES,
  feedbackKind: FEEDBACK_KINDS,
  feedbackSource: FEEDBACK_SOURCES,
  claimStatus: CLAIM_STATUSES,
  activityStatus: ACTIVITY_STATUSES,
  rfmSegment: RFM_SEGMENT_IDS,
  lifecycleStage: LIFECYCLE_STAGES,
  funnelStage: DEFAULT_FUNNEL_STAGES,
  purchaseClass: PURCHASE_CLASSES,
  originClass: ORIGIN_CLASSES,
  cleanupReason: CLEANUP_REASONS,
} as const;

export type LabelledEnum = keyof typeof LABELLED_ENUMS;
export type EnumValue<F extends LabelledEnum> = (typeof LABELLED_ENUMS)[F][number];

const CATALOG_PREFIX = {
  identityKind: 'identity',
  orderChannel: 'channel',
  orderStatus: 'orderStatus',
  orderSource: 'orderSource',
  feedbackKind: 'feedbackKind',
  feedbackSource: 'feedbackSource',
  claimStatus: 'claimStatus',
} as const;

type FromCore = Exclude<LabelledEnum, keyof typeof CATALOG_PREFIX>;

const FROM_CORE: { [F in FromCore]: (value: EnumValue<F>, locale: Locale) => string } = {
  activityStatus: activityStatusLabel,
  rfmSegment: rfmSegmentLabel,
  lifecycleStage: lifecycleStageLabel,
  funnelStage: funnelStageLabel,
  purchaseClass: purchaseClassLabel,
  originClass: originClassLabel,
  // Core writes these in lower case, to sit inside its sentences ("lost: buys about every…"); a label stands alone.
  cleanupReason: (reason, locale) => capitalized(cleanupReasonLabel(reason, locale), locale),
};

/** The seller's word for a model value, in their language. */
export function enumLabel<F extends LabelledEnum>(locale: Locale, family: F, value: EnumValue<F>): string {
  if (family in CATALOG_PREFIX) return translate(locale, `${CATALOG_PREFIX[family as keyof typeof CATALOG_PREFIX]}.${value}` as MessageKey);
  return (FROM_CORE[family as FromCore] as (value: string, locale: Locale) => string)(value, locale);
}

/** The catalog key of a contact kind, for screens that translate through `t`. */
export function identityLabelKey(kind: IdentityKind): MessageKey {
  return `identity.${kind}`;
}

/** A currency's name where a code would be shown (a filter, a picker): `BRL` → "Real brasileiro"; amounts use formatMoney. */
export function currencyLabel(code: string, locale: Locale): string {
  // Intl writes currency names in lower case in Portuguese and Spanish ("real brasileiro"); a label starts with a capital.
  return capitalized(displayNames(locale, 'currency').of(code) ?? code, locale);
}

function capitalized(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
