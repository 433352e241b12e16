import { useMemo, useRef, useState } from 'preact/hooks';
import type { ConditionField, Tag } from '../../../../core';
import type { RuleProblem } from '../../../background/rule-problems';
import { enumLabel, type EnumValue, type LabelledEnum } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { BUILDER_FIELDS, draftRule, newCondition, opLabelKey, opsOf, problemIndex, specOf, withField, type Draft, type DraftCondition } from './rule-draft';
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

interface ConditionRowProps {
  condition: DraftCondition;
  n: number;
  tags: readonly Tag[];
  currency: string;
  problems: string[];
  firstTag: string;
  onChange: (update: (condition: DraftCondition) => DraftCondition) => void;
  onRemove: () => void;
}

function ConditionRow({ condition, n, tags, currency, problems, firstTag, onChange, onRemove }: ConditionRowProps) {
  const { t } = useBook();
  const id = `rule-${condition.key}`;
  const errorId = `${id}-error`;
  const invalid = problems.length > 0;
  const described = invalid ? { 'aria-invalid': true, 'aria-describedby': errorId } : { 'aria-invalid': false };
  const fieldLabel = (field: ConditionField) => t(`rules.field.${field}` as MessageKey, { currency });
  const valueOf = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const between = condition.op === 'between';
  return (
    <li>
      <div class="rule-condition" role="group" aria-label={t('rules.condition', { n })} data-condition={n}>
        <select id={`${id}-field`} aria-label={t('rules.fieldLabel', { n })} value={condition.field} onChange={(event) => onChange((c) => withField(c, valueOf(event) as ConditionField, firstTag))}>
          {BUILDER_FIELDS.map((option) => (
            <option key={option.field} value={option.field}>
              {fieldLabel(option.field)}
            </option>
          ))}
        </select>
        <select id={`${id}-op`} aria-label={t('rules.opLabel', { n })} value={condition.op} onChange={(event) => onChange((c) => ({ ...c, op: valueOf(event) }))}>
          {opsOf(condition.field).map((op) => (
            <option key={op} value={op}>
              {t(opLabelKey(condition.field, op))}
            </option>
          ))}
        </select>
        <ValueInput id={`${id}-value`} label={t('rules.valueLabel', { n })} condition={condition} tags={tags} described={described} onValue={(value) => onChange((c) => ({ ...c, value }))} />
        {between && (
          <>
            <span aria-hidden="true">{t('rules.and')}</span>
            <input
              id={`${id}-value2`}
              aria-label={t('rules.value2Label', { n })}
              inputMode="decimal"
              value={condition.value2}
              onInput={(event) => onChange((c) => ({ ...c, value2: valueOf(event) }))}
              {...described}
            />
          </>
        )}
        <button type="button" class="secondary" aria-label={t('rules.removeCondition', { n })} onClick={onRemove}>
          ×
        </button>
        {invalid && (
          <span class="field-error" id={errorId} data-testid="rule-problem">
            {problems.join(' ')}
          </span>
        )}
      </div>
    </li>
  );
}

interface ValueInputProps {
  id: string;
  label: string;
  condition: DraftCondition;
  tags: readonly Tag[];
  described: Record<string, unknown>;
  onValue: (value: string) => void;
}

function ValueInput({ id, label, condition, tags, described, onValue }: ValueInputProps) {
  const { t, locale } = useBook();
  const spec = specOf(condition.field);
  const read = (event: Event) => onValue((event.currentTarget as HTMLInputElement | HTMLSelectElement).value);
  if (spec.kind === 'choice' || spec.kind === 'member') {
    const family = spec.family as LabelledEnum;
    return (
      <select id={id} aria-label={label} value={condition.value} onChange={read} {...described}>
        {(spec.values ?? []).map((value) => (
          <option key={value} value={value}>
            {enumLabel(locale, family, value as EnumValue<typeof family>)}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'tag') {
    return (
      <select id={id} aria-label={label} value={condition.value} onChange={read} {...described}>
        <option value="">{t('rules.choose')}</option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
    );
  }
  if (spec.kind === 'flag') {
    return (
      <select id={id} aria-label={label} value={condition.value} onChange={read} {...described}>
        <option value="true">{t('rules.yes')}</option>
        <option value="false">{t('rules.no')}</option>
      </select>
    );
  }
  return <input id={id} aria-label={label} inputMode={spec.kind === 'text' ? 'text' : 'decimal'} value={condition.value} onInput={read} {...described} />;
}
