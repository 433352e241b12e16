import { useState } from 'preact/hooks';
import { DEFAULT_FUNNEL_STAGES, type Customer } from '../../../../../core';
import { formatDateTime } from '../../../../i18n/format';
import { useBook } from '../../app/book-context';
import { stageLabel } from './dossier-file';
import { Field, fieldInput } from './field';
import { NO_PROBLEMS, problemsOf, type SaveProblems } from './field-errors';

/** Who recorded a consent changed on this screen: the seller, by hand (core keeps it as data, never shown raw). */
const CONSENT_SOURCE = 'seller';

type FieldValue = Customer['customFields'][string];
interface FieldRow {
  key: string;
  value: string;
  /** The stored value, so an untouched number or yes/no keeps its type. */
  original: FieldValue | undefined;
}

const rowsOf = (customer: Customer): FieldRow[] =>
  Object.entries(customer.customFields).map(([key, value]) => ({ key, value: value === null ? '' : String(value), original: value }));

/** A value typed as text, kept as the stored type when the seller did not change it. */
function fieldValue(row: FieldRow): FieldValue {
  if (row.original !== undefined && (row.original === null ? '' : String(row.original)) === row.value) return row.original;
  return row.value;
}

/**
 * The customer's own fields: name, funnel stage and custom fields (CPF, size, birthday…), saved together in one
 * transaction. A refused field says why beside it.
 */
export function ProfileForm({ customer, now = () => new Date() }: { customer: Customer; now?: () => Date }) {
  const { book, t, locale, timeZone, notify } = useBook();
  const [name, setName] = useState(customer.displayName);
  const [stage, setStage] = useState(customer.funnelStage ?? '');
  const [rows, setRows] = useState<FieldRow[]>(() => rowsOf(customer));
  const [marketing, setMarketing] = useState(customer.consent.marketing);
  const [problems, setProblems] = useState<SaveProblems>(NO_PROBLEMS);
  const id = customer.id;
  const stages = [...new Set([...DEFAULT_FUNNEL_STAGES, ...(customer.funnelStage ? [customer.funnelStage] : [])])];

  const save = async (event: Event) => {
    event.preventDefault();
    const keys = rows.map((row) => row.key.trim());
    const repeated = keys.findIndex((key, index) => key !== '' && keys.indexOf(key) !== index);
    if (repeated >= 0) return setProblems({ fields: { [`customFields.${repeated}.key`]: t('fieldRepeated') }, other: null });
    const customFields = Object.fromEntries(rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), fieldValue(row)]));
    // A changed answer is recorded as the seller's, now; an unchanged one keeps its proof (text, version, source).
    const consent = marketing === customer.consent.marketing ? customer.consent : { marketing, recordedAt: now().toISOString(), source: CONSENT_SOURCE, text: null, version: null };
    try {
      const saved = await book.customers.update(id, { displayName: name, funnelStage: stage || null, customFields, consent });
      setProblems(NO_PROBLEMS);
      setRows(rowsOf(saved));
      notify(t('customerSaved', { name: saved.displayName }));
    } catch (error) {
      // Zod names a custom field by its key (`customFields.cpf`): shown beside the row that holds that key.
      const byKey = new Map(rows.map((row, index) => [`customFields.${row.key.trim()}`, `customFields.${index}.value`]));
      const found = problemsOf(error, (field) => field === 'displayName' || byKey.has(field));
      const fields = Object.fromEntries(Object.entries(found.fields).map(([field, message]) => [byKey.get(field) ?? field, message]));
      setProblems({ fields, other: found.other });
      if (found.other) notify(found.other, 'alert');
    }
  };

  const inputId = (field: string) => `${id}-${field.replace(/\W/g, '-')}`;

  return (
    <section aria-labelledby="detail-profile-title" class="detail-section">
      <h3 id="detail-profile-title">{t('customerData')}</h3>
      <form class="profile-form" onSubmit={save} noValidate>
        <Field id={inputId('displayName')} label={t('name')} error={problems.fields.displayName}>
          <input name="displayName" value={name} maxLength={200} required autoComplete="off" {...fieldInput(inputId('displayName'), problems.fields.displayName)} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <div class="field">
          <label for="detail-stage">{t('funnel')}</label>
          <select id="detail-stage" value={stage} onChange={(e) => setStage(e.currentTarget.value)}>
            <option value="">{t('noStage')}</option>
            {stages.map((value) => (
              <option key={value} value={value}>
                {stageLabel(value, locale)}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={marketing} onChange={(e) => setMarketing(e.currentTarget.checked)} />
          {t('marketingConsent')}
        </label>
        {customer.consent.recordedAt && (
          <p class="meta consent-recorded">
            {t('consentRecorded', { when: formatDateTime(customer.consent.recordedAt, locale, timeZone) })}
          </p>
        )}
        <fieldset class="custom-fields">
          <legend>{t('customFields')}</legend>
          {rows.length === 0 && <p class="meta">{t('noCustomFields')}</p>}
          {rows.map((row, index) => (
            <div class="custom-field" key={index}>
              <Field id={inputId(`customFields.${index}.key`)} label={t('fieldName')} error={problems.fields[`customFields.${index}.key`]}>
                <input value={row.key} maxLength={60} autoComplete="off" {...fieldInput(inputId(`customFields.${index}.key`), problems.fields[`customFields.${index}.key`])} onInput={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, key: e.currentTarget.value } : r)))} />
              </Field>
              <Field id={inputId(`customFields.${index}.value`)} label={t('fieldValue')} error={problems.fields[`customFields.${index}.value`]}>
                <input value={row.value} maxLength={2000} autoComplete="off" {...fieldInput(inputId(`customFields.${index}.value`), problems.fields[`customFields.${index}.value`])} onInput={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, value: e.currentTarget.value } : r)))} />
              </Field>
              <button type="button" class="secondary" aria-label={t('removeField', { name: row.key || String(index + 1) })} onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button type="button" class="secondary" onClick={() => setRows([...rows, { key: '', value: '', original: undefined }])}>
            {t('addField')}
          </button>
        </fieldset>
        <button type="submit">{t('save')}</button>
      </form>
    </section>
  );
}
