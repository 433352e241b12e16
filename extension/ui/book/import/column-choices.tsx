import { useState } from 'preact/hooks';
import { CUSTOMER_FIELDS, ORDER_FIELDS } from '../../../../core/io/import';
import { listFormat } from '../../../../core/locale';
import type { ImportPreview, ImportSettings } from '../../../import/import-protocol';
import type { BookTools } from '../app/book-context';

/** An order is read only with a date and a total. */
const REQUIRED: Record<ImportPreview['kind'], readonly string[]> = { orders: ['placedAt', 'total'], customers: [] };
/** A customer is read with any one of these. */
const IDENTIFYING = ['name', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'cpf', 'cnpj', 'document'];

/**
 * The column mapping: for each field the import reads, the file's column it comes from (as the layout found it, or
 * as the seller chose), with that column's cell in the first row. A change reads the preview again with the
 * seller's choice; the import then reads the whole file the same way. Open by itself when a field an order needs
 * has no column, or once the seller has changed one.
 */
export function ColumnChoices({ preview, settings, tools, locked, onSettings }: { preview: ImportPreview; settings: ImportSettings; tools: BookTools; locked: boolean; onSettings: (settings: ImportSettings) => void }) {
  const { t, locale } = tools;
  const mapping = preview.mapping;
  const chosen = settings.columns !== undefined && Object.keys(settings.columns).length > 0;
  const required = REQUIRED[preview.kind];
  const missing = mapping ? required.filter((field) => mapping.columns[field] === undefined) : [];
  const nobody = mapping !== null && preview.kind === 'customers' && !IDENTIFYING.some((field) => mapping.columns[field] !== undefined);
  const [open, setOpen] = useState(missing.length > 0 || nobody || chosen);
  if (!mapping) return null;

  const fields: readonly string[] = preview.kind === 'orders' ? ORDER_FIELDS : CUSTOMER_FIELDS;
  const label = (field: string) => t(`import.${preview.kind === 'orders' ? 'orderField' : 'customerField'}.${field}` as 'import.orderField.total');
  const repeated = new Set(mapping.header.filter((name, index) => name !== '' && mapping.header.indexOf(name) !== index));
  const columnName = (index: number) => {
    const name = mapping.header[index] ?? '';
    const numbered = t('import.column.numbered', { number: index + 1 });
    return name === '' ? numbered : repeated.has(name) ? `${name} (${numbered})` : name;
  };
  const choose = (field: string, value: string) => onSettings({ ...settings, columns: { ...settings.columns, [field]: value === '' ? null : Number(value) } });

  return (
    <details class="import-columns" data-testid="import-columns" open={open || missing.length > 0 || nobody} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('import.columns')}</summary>
      <p class="meta">{t('import.columnsHelp')}</p>
      {missing.length > 0 && (
        <p class="notice" data-testid="import-columns-missing">
          {t('import.columnsMissing', { fields: listFormat(locale).format(missing.map(label)) })}
        </p>
      )}
      {preview.kind === 'customers' && (
        <p class={nobody ? 'notice' : 'meta'} data-testid={nobody ? 'import-columns-missing' : undefined}>
          {t('import.columnsCustomer')}
        </p>
      )}
      <div class="table-scroll">
        <table class="import-rows">
          <thead>
            <tr>
              <th scope="col">{t('import.column.field')}</th>
              <th scope="col">{t('import.column.source')}</th>
              <th scope="col">{t('import.column.sample')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => {
              const column = mapping.columns[field];
              const id = `import-column-${field}`;
              return (
                <tr key={field}>
                  <th scope="row">
                    <label for={id}>
                      {label(field)}
                      {required.includes(field) && <span class="meta"> ({t('import.column.required')})</span>}
                    </label>
                  </th>
                  <td>
                    <select id={id} data-testid={id} disabled={locked} value={column === undefined ? '' : String(column)} onChange={(event) => choose(field, (event.currentTarget as HTMLSelectElement).value)}>
                      <option value="">{t('import.column.none')}</option>
                      {mapping.header.map((_, index) => (
                        <option key={index} value={String(index)}>
                          {columnName(index)}
                        </option>
                      ))}
                    </select>
                  </td>
                  {/* The file's own text, untrusted: rendered as text. */}
                  <td class="sample">{column === undefined ? '—' : mapping.sample[column] || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {chosen && (
        <button type="button" class="secondary" data-testid="import-columns-reset" disabled={locked} onClick={() => onSettings({ ...settings, columns: undefined })}>
          {t('import.column.reset')}
        </button>
      )}
    </details>
  );
}
