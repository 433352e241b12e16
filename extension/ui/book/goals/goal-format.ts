import { GOAL_METRIC_KIND, type Goal, type GoalMetric, type Locale } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import { formatDate, formatMoney } from '../../../i18n/format';
import type { BookTools } from '../app/book-context';

type Words = Pick<BookTools, 't' | 'locale'>;

/** A goal's day (`YYYY-MM-DD`, already the seller's calendar) as the seller writes dates: 31/03/2027. */
export function formatGoalDay(day: string, locale: Locale): string {
  return formatDate(Date.parse(`${day}T12:00:00Z`), locale, 'UTC');
}

/**
 * A figure of a goal's metric in the seller's words: money in its currency, rates as percentages, NPS in points,
 * counts as whole numbers. `round: 'down'` for where a pace gets to (it shows no more than it reaches).
 */
export function formatGoalFigure(goal: Pick<Goal, 'metric' | 'currency'>, value: number, { t, locale }: Words, round: 'near' | 'down' = 'near'): string {
  const kind = GOAL_METRIC_KIND[goal.metric];
  if (kind === 'money') return formatMoney(round === 'down' ? Math.floor(value) : Math.round(value), goal.currency ?? 'BRL', locale);
  if (goal.metric === 'nps') return t('goals.points', { value: numberFormat(locale, { maximumFractionDigits: 1 }).format(value) });
  if (kind === 'percent') return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(round === 'down' ? Math.floor(value + 1e-9) : Math.round(value));
}

/** A needed daily amount: money rounded up to the cent, counts with one decimal. */
export function formatNeeded(goal: Pick<Goal, 'metric' | 'currency'>, perDay: number, { locale }: Words): string {
  if (GOAL_METRIC_KIND[goal.metric] === 'money') return formatMoney(Math.ceil(perDay), goal.currency ?? 'BRL', locale);
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.ceil(perDay * 10) / 10);
}

/** The goal's name: the seller's, or what it is about, `Ticket médio: R$ 150,00 até 31/03/2027`. */
export function goalTitle(goal: Goal, words: Words): string {
  if (goal.name) return goal.name;
  return words.t('goals.title', { metric: words.t(metricKey(goal.metric)), target: formatGoalFigure(goal, goal.target, words), date: formatGoalDay(goal.deadline, words.locale) });
}

export const metricKey = (metric: GoalMetric) => `goals.metric.${metric}` as const;
