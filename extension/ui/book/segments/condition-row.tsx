import type { ConditionField, Tag } from '../../../../core';
import { enumLabel, type EnumValue, type LabelledEnum } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { BUILDER_FIELDS, opLabelKey, opsOf, specOf, withField, type DraftCondition } from './rule-draft';

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

/** One condition of the builder: field, comparison, value (two for `between`), remove; its problems beside it. */
export function ConditionRow({ condition, n, tags, currency, problems, firstTag, onChange, onRemove }: ConditionRowProps) {
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
