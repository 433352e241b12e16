import { useMemo, useRef, useState } from 'preact/hooks';
import type { Tag } from '../../../../core';
import type { RuleProblem } from '../../../background/rule-problems';
import { useBook } from '../app/book-context';
import { ConditionRow } from './condition-row';
import { draftRule, newCondition, problemIndex, type Draft, type DraftCondition } from './rule-draft';
import { useLiveCount } from './use-live-count';

interface RuleBuilderProps {
  tags: readonly Tag[];
  /** The book's main currency: money is typed in it. */
  currency: string;
  /** Grows when the table changed: the count is asked again. */
  updates: number;
  /** Told after a save (the saved list reads again). */
  onSaved: () => void;
  /** A saved segment being edited (saved again under its id); null for a new one. */
  editing?: { id: string; name: string; draft: Draft } | null;
  onCancelEdit?: () => void;
}

/**
 * Novo segmento: conditions (field, comparison, value) under "all" or "any", counted live as they are edited
 * (useLiveCount), each problem said beside its condition in the seller's words, and saved under a name.
 */
export function RuleBuilder({ tags, currency, updates, onSaved, editing = null, onCancelEdit }: RuleBuilderProps) {
  const { t, locale, background, notify } = useBook();
  const keys = useRef(editing?.draft.conditions.length ?? 1);
  const [draft, setDraft] = useState<Draft>(editing?.draft ?? { match: 'all', conditions: [newCondition(0, 'orderCount')] });
  const [name, setName] = useState(editing?.name ?? '');
  const [saveProblems, setSaveProblems] = useState<RuleProblem[] | null>(null);
  const [saving, setSaving] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const rule = useMemo(() => draftRule(draft, locale, currency), [draft, locale, currency]);
  const { count, current } = useLiveCount(rule, updates);
  const firstTag = tags[0]?.id ?? '';

  const problems = count.kind === 'problems' ? count.problems : (saveProblems?.filter((p) => p.part !== 'name') ?? []);
  const problemsAt = (index: number) => problems.filter((p) => problemIndex(p.at) === index).map((p) => p.text);
  const ruleProblems = problems.filter((p) => problemIndex(p.at) === null).map((p) => p.text);
  const nameProblem = saveProblems?.find((p) => p.part === 'name')?.text ?? null;

  const change = (key: number, update: (condition: DraftCondition) => DraftCondition) => {
    setSaveProblems(null);
    setDraft((d) => ({ ...d, conditions: d.conditions.map((c) => (c.key === key ? update(c) : c)) }));
  };
  const add = () => {
    const key = keys.current++;
    setDraft((d) => ({ ...d, conditions: [...d.conditions, newCondition(key, 'activity')] }));
    // The new row's field is where the seller goes next.
    setTimeout(() => list.current?.querySelector<HTMLSelectElement>(`#rule-${key}-field`)?.focus(), 0);
  };
  const remove = (index: number) => {
    setDraft((d) => ({ ...d, conditions: d.conditions.filter((_, i) => i !== index) }));
    setTimeout(() => document.getElementById('rule-add')?.focus(), 0);
  };

  const save = async () => {
    setSaving(true);
    try {
      const reply = await background.ask({ type: 'segments/save', ...(editing ? { id: editing.id } : {}), name, rule });
      if (!reply.ok) {
        setSaveProblems(reply.problems);
        return;
      }
      setSaveProblems(null);
      setName('');
      notify(t('rules.saved', { name: reply.segment.name }));
      onSaved();
    } catch (error) {
      notify(t('rules.saveFailed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="panel rule-builder" aria-labelledby="rules-heading" data-testid="rule-builder">
      <h3 id="rules-heading" tabIndex={-1}>
        {editing ? t('rules.editHeading', { name: editing.name }) : t('rules.heading')}
      </h3>
      <p class="meta">{t('rules.help')}</p>
      <div class="field rule-match">
        <label for="rule-match">{t('rules.match')}</label>
        <select id="rule-match" value={draft.match} onChange={(event) => setDraft((d) => ({ ...d, match: (event.currentTarget as HTMLSelectElement).value as Draft['match'] }))}>
          <option value="all">{t('rules.match.all')}</option>
          <option value="any">{t('rules.match.any')}</option>
        </select>
      </div>
      <ol class="rule-conditions" ref={list}>
        {draft.conditions.map((condition, index) => (
          <ConditionRow
            key={condition.key}
            condition={condition}
            n={index + 1}
            tags={tags}
            currency={currency}
            problems={problemsAt(index)}
            onChange={(update) => change(condition.key, update)}
            onRemove={() => remove(index)}
            firstTag={firstTag}
          />
        ))}
      </ol>
      <button type="button" class="secondary" id="rule-add" onClick={add}>
        {t('rules.addCondition')}
      </button>
      {ruleProblems.map((text) => (
        <p class="error" key={text}>
          {text}
        </p>
      ))}
      <CountLine count={count} current={current} />
      <form
        class="rule-save"
        onSubmit={(event) => {
          event.preventDefault();
          if (!saving) void save();
        }}
      >
        <div class="field">
          <label for="rule-name">{t('rules.name')}</label>
          <input
            id="rule-name"
            value={name}
            maxLength={100}
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
            aria-invalid={nameProblem !== null}
            {...(nameProblem ? { 'aria-describedby': 'rule-name-error' } : {})}
          />
          {nameProblem && (
            <span class="field-error" id="rule-name-error">
              {nameProblem}
            </span>
          )}
        </div>
        <button type="submit" disabled={saving}>
          {t('rules.save')}
        </button>
        {editing && (
          <button type="button" class="secondary" onClick={onCancelEdit}>
            {t('rules.cancelEdit')}
          </button>
        )}
      </form>
    </section>
  );
}

/** The live count, said politely to screen readers; `data-current` tells tests (and styles) it matches the rule shown. */
function CountLine({ count, current }: { count: ReturnType<typeof useLiveCount>['count']; current: boolean }) {
  const { t } = useBook();
  const text =
    count.kind === 'count'
      ? t('rules.count', { count: count.count })
      : count.kind === 'problems'
        ? t('rules.fixProblems')
        : count.kind === 'failed'
          ? t('rules.countFailed')
          : t('rules.counting');
  return (
    <p class="rule-count" role="status" aria-busy={!current} data-testid="rule-count" data-current={String(current)}>
      {text}
    </p>
  );
}
