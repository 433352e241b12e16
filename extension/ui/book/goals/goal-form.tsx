import { useEffect, useRef, useState } from 'preact/hooks';
import { GOAL_METRIC_KIND, GOAL_METRICS, type Goal, type GoalDraft, type GoalMetric } from '../../../../core';
import { formatMoney } from '../../../i18n/format';
import { useBook } from '../app/book-context';
import { draftOf, fieldsOf, GOAL_CURRENCY, presetSpan, type FieldErrors, type FieldName, type GoalFields, type PeriodChoice } from './goal-draft';
import { formatGoalDay, goalTitle, metricKey } from './goal-format';

interface Props {
  /** The seller's today, `YYYY-MM-DD`. */
  today: string;
  /** The goal being edited; null for a new one. */
  editing: Goal | null;
  onSave: (draft: GoalDraft) => Promise<boolean>;
  onCancel: () => void;
}

const emptyFields = (today: string): GoalFields => ({ name: '', metric: 'revenue', target: '', period: 'month', deadline: today });

/**
 * The form that makes or edits a goal: the metric in words (with what it counts), the target typed the seller's way
 * (money as `150` or `R$ 150,00`, a percentage, a count), and the deadline: this month, this quarter or a date.
 * Each bad field says what is wrong in words, names itself, and the first one takes the focus.
 */
export function GoalForm({ today, editing, onSave, onCancel }: Props) {
  const words = useBook();
  const { t, locale } = words;
  const [fields, setFields] = useState<GoalFields>(() => (editing ? fieldsOf(editing, (minor) => formatMoney(minor, editing.currency ?? GOAL_CURRENCY, locale)) : emptyFields(today)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The screen keys the form by the goal it edits: a new one starts from its own fields, and editing takes the focus.
  useEffect(() => {
    if (editing) form.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  const set = <K extends keyof GoalFields>(key: K, value: GoalFields[K]) => setFields((now) => ({ ...now, [key]: value }));
  const kind = GOAL_METRIC_KIND[fields.metric];
  const submit = async (event: Event) => {
    event.preventDefault();
    const outcome = draftOf(fields, today, editing);
    if ('errors' in outcome) {
      setErrors(outcome.errors);
      const first = (['name', 'target', 'deadline'] as const).find((name) => outcome.errors[name]);
      if (first) form.current?.querySelector<HTMLElement>(`#goal-${first}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    const saved = await onSave(outcome.draft);
    setSaving(false);
    if (saved && !editing) setFields(emptyFields(today));
  };
  const invalid = (name: FieldName) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `goal-${name}-error` } : {});
  const error = (name: FieldName) =>
    errors[name] && (
      <span class="field-error error" id={`goal-${name}-error`}>
        {t(errors[name])}
      </span>
    );
  const month = presetSpan('month', today).deadline;
  const quarter = presetSpan('quarter', today).deadline;
  const heading = editing ? t('goals.form.edit', { name: goalTitle(editing, words) }) : t('goals.form.new');

  return (
    <section class="goal-form" aria-labelledby="goal-form-heading">
      <h2 id="goal-form-heading">{heading}</h2>
      <form ref={form} onSubmit={submit} noValidate data-testid="goal-form">
        <label>
          {t('goals.field.metric')}
          <select id="goal-metric" value={fields.metric} onChange={(e) => set('metric', (e.currentTarget as HTMLSelectElement).value as GoalMetric)} aria-describedby="goal-metric-about">
            {GOAL_METRICS.map((metric) => (
              <option key={metric} value={metric}>
                {t(metricKey(metric))}
              </option>
            ))}
          </select>
        </label>
        <p class="hint goal-metric-about" id="goal-metric-about">
          {t(`goals.about.${fields.metric}`)}
        </p>
        <div class="field">
          <label for="goal-target">{t('goals.field.target')}</label>
          <input id="goal-target" inputMode={kind === 'count' ? 'numeric' : 'decimal'} value={fields.target} onInput={(e) => set('target', e.currentTarget.value)} aria-describedby={errors.target ? 'goal-target-error' : 'goal-target-hint'} {...(errors.target ? { 'aria-invalid': true } : {})} />
          <span class="hint" id="goal-target-hint">
            {t(`goals.hint.${kind}`)}
          </span>
          {error('target')}
        </div>
        <fieldset class="goal-period">
          <legend>{t('goals.field.period')}</legend>
          {(['month', 'quarter', 'custom'] as const).map((choice: PeriodChoice) => (
            <label key={choice} class="goal-choice">
              <input type="radio" name="goal-period" value={choice} checked={fields.period === choice} onChange={() => set('period', choice)} />
              {choice === 'month' ? t('goals.period.month', { date: formatGoalDay(month, locale) }) : choice === 'quarter' ? t('goals.period.quarter', { date: formatGoalDay(quarter, locale) }) : t('goals.period.custom')}
            </label>
          ))}
          {fields.period === 'custom' && (
            <div class="field">
              <label for="goal-deadline">{t('goals.field.deadline')}</label>
              <input id="goal-deadline" type="date" value={fields.deadline} min={editing ? undefined : today} onInput={(e) => set('deadline', e.currentTarget.value)} {...invalid('deadline')} />
              {error('deadline')}
            </div>
          )}
        </fieldset>
        <div class="field">
          <label for="goal-name">{t('goals.field.name')}</label>
          <input id="goal-name" value={fields.name} maxLength={200} onInput={(e) => set('name', e.currentTarget.value)} {...invalid('name')} />
          {error('name')}
        </div>
        <div class="goal-form-actions">
          <button type="submit" disabled={saving}>
            {editing ? t('goals.save.edit') : t('goals.save.new')}
          </button>
          {editing && (
            <button type="button" class="secondary" onClick={onCancel}>
              {t('goals.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
