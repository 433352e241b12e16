import { GOAL_METRIC_PACE, type Goal, type GoalProgress } from '../../../../core';
import { useBook } from '../app/book-context';
import { formatGoalDay, formatGoalFigure, formatNeeded, goalTitle, metricKey } from './goal-format';

interface Props {
  goal: Goal;
  progress: GoalProgress;
  onEdit: (goal: Goal) => void;
  onRemove: (goal: Goal) => void;
}

/**
 * One goal: its name, a progress bar (role progressbar, its value in words too), where it stands against the
 * target, the days left, and the pace in words ("No ritmo atual chega a R$ 162,00 em 31/03/2027").
 */
export function GoalCard({ goal, progress, onEdit, onRemove }: Props) {
  const words = useBook();
  const { t, locale } = words;
  const title = goalTitle(goal, words);
  const percent = Math.round(progress.progress * 100);
  const percentText = t('goals.progressText', { percent: `${percent}%` });
  const headingId = `goal-${goal.id}`;
  const current = progress.value === null ? t('goals.noValue') : t('goals.current', { value: formatGoalFigure(goal, progress.value, words), target: formatGoalFigure(goal, goal.target, words) });
  return (
    <li class={`goal goal-${progress.verdict}`} data-testid="goal" data-goal-id={goal.id}>
      <div class="goal-head">
        <h3 id={headingId}>{title}</h3>
        <span class="goal-verdict">{t(`goals.verdict.${progress.verdict}`)}</span>
      </div>
      <p class="goal-about">
        {t(metricKey(goal.metric))} · {t('goals.span', { start: formatGoalDay(goal.start, locale), deadline: formatGoalDay(goal.deadline, locale) })}
      </p>
      <div
        class="goal-bar"
        role="progressbar"
        aria-labelledby={headingId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percentText}: ${current}`}
      >
        <span class="goal-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="goal-figures">
        <span class="goal-current" data-testid="goal-current">
          {current}
        </span>{' '}
        · <span data-testid="goal-percent">{percentText}</span> · <span>{daysText(goal, progress, words)}</span>
      </p>
      <p class="goal-pace" data-testid="goal-pace">
        {paceText(goal, progress, words)}
      </p>
      <div class="goal-actions">
        <button type="button" class="secondary" aria-label={t('goals.editFor', { name: title })} onClick={() => onEdit(goal)}>
          {t('goals.edit')}
        </button>
        <button type="button" class="secondary" aria-label={t('goals.removeFor', { name: title })} onClick={() => onRemove(goal)}>
          {t('goals.remove')}
        </button>
      </div>
    </li>
  );
}

type Words = ReturnType<typeof useBook>;

function daysText(goal: Goal, progress: GoalProgress, { t, locale }: Words): string {
  if (progress.verdict === 'not-started') return t('goals.pace.not-started', { date: formatGoalDay(goal.start, locale) });
  if (progress.today > goal.deadline) return t('goals.ended', { date: formatGoalDay(goal.deadline, locale) });
  return t('goals.daysLeft', { days: progress.daysLeft });
}

/** The pace in the seller's words, with the numbers behind the verdict. */
export function paceText(goal: Goal, progress: GoalProgress, words: Words): string {
  const { t, locale } = words;
  const date = formatGoalDay(goal.deadline, locale);
  const figure = (value: number) => formatGoalFigure(goal, value, words);
  const target = figure(goal.target);
  switch (progress.verdict) {
    case 'not-started':
      return t('goals.pace.not-started', { date: formatGoalDay(goal.start, locale) });
    case 'reached':
      return t('goals.pace.reached', { value: figure(progress.value ?? 0) });
    case 'missed':
      return t('goals.pace.missed', { value: progress.value === null ? t('goals.noValue') : figure(progress.value), target });
  }
  if (progress.projected === null) return t('goals.pace.ratioNone');
  if (GOAL_METRIC_PACE[goal.metric] === 'sum') {
    const pace = t('goals.pace.sum', { projected: formatGoalFigure(goal, progress.projected, words, 'down'), date });
    return progress.verdict === 'behind' && progress.neededPerDay !== null ? `${pace} ${t('goals.pace.needed', { needed: formatNeeded(goal, progress.neededPerDay, words) })}` : pace;
  }
  return progress.verdict === 'on-track' ? t('goals.pace.ratioAbove', { value: figure(progress.projected), date }) : t('goals.pace.ratioBelow', { value: figure(progress.projected), target });
}
