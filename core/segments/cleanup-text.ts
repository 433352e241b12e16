import { describeActivity } from './activity-text';
import type { CleanupReason } from './cleanup';
import type { CustomerFacts } from './facts';
import { type LocalizedText, type Locale, formatDaysAgo, resolveLocale } from '../locale';
import { calendarOf } from '../locale/calendar';

const TITLES: Readonly<Record<CleanupReason, LocalizedText>> = {
  lost: { en: 'lost', 'pt-BR': 'perdido', 'pt-PT': 'perdido', es: 'perdido' },
  'inactive-low-value': {
    en: 'inactive and low value',
    'pt-BR': 'inativo e de baixo valor',
    'pt-PT': 'inativo e de baixo valor',
    es: 'inactivo y de bajo valor',
  },
  unhappy: { en: 'unhappy', 'pt-BR': 'insatisfeito', 'pt-PT': 'insatisfeito', es: 'insatisfecho' },
  'never-bought-old': { en: 'never bought', 'pt-BR': 'nunca comprou', 'pt-PT': 'nunca comprou', es: 'nunca compró' },
};

const SPEND_SCORE: LocalizedText = {
  en: 'spend score {m} of 5',
  'pt-BR': 'nota de gasto {m} de 5',
  'pt-PT': 'nota de gasto {m} de 5',
  es: 'puntuación de gasto {m} de 5',
};

const NO_PURCHASE_SINCE: LocalizedText = {
  en: 'no purchase since',
  'pt-BR': 'nenhuma compra desde então',
  'pt-PT': 'nenhuma compra desde então',
  es: 'ninguna compra desde entonces',
};

const ADDED: LocalizedText = { en: 'added {ago}', 'pt-BR': 'cadastrado {ago}', 'pt-PT': 'registado {ago}', es: 'añadido {ago}' };

/** Short name of a clean-up reason in the seller's language. */
export function cleanupReasonLabel(reason: CleanupReason, locale: string): string {
  return TITLES[reason][resolveLocale(locale)];
}

/**
 * Why this customer is suggested for review, e.g. en "unhappy: NPS 3/10, 190 days ago; no purchase since",
 * pt-BR "nunca comprou; cadastrado há 200 dias".
 */
export function describeCleanupReason(reason: CleanupReason, facts: CustomerFacts, locale: string): string {
  const loc = resolveLocale(locale);
  const title = TITLES[reason][loc];
  switch (reason) {
    case 'lost':
      return `${title}: ${describeActivity(facts.activity, loc)}`;
    case 'inactive-low-value':
      return `${title} (${SPEND_SCORE[loc].replace('{m}', String(facts.rfm?.monetary ?? 1))}): ${describeActivity(facts.activity, loc)}`;
    case 'unhappy':
      return `${title}: ${ratingText(facts, loc)}; ${NO_PURCHASE_SINCE[loc]}`;
    case 'never-bought-old':
      return `${title}; ${ADDED[loc].replace('{ago}', formatDaysAgo(loc, facts.daysSinceCreated))}`;
  }
}

function ratingText(facts: CustomerFacts, loc: Locale): string {
  const latest = facts.latestFeedback;
  if (latest === null) return '';
  const score = latest.kind === 'nps' ? `NPS ${latest.score}/10` : `CSAT ${latest.score}/5`;
  return `${score}, ${formatDaysAgo(loc, Math.max(0, facts.today - calendarOf(facts.timeZone).day(latest.receivedAt)))}`;
}
