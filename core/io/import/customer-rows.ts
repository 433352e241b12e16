import { cellText, fault, type Cell, type CellFault } from './cells';
import { readCpf, readDocument, readEmail, readId, readPhone, readPostalCode, type Reading } from './contacts';
import { CUSTOMER_PRESETS, type CustomerField, type CustomerPreset } from './customer-presets';
import { readDate } from './dates';
import { chooseColumns, findColumns, hasColumns, headerKey } from './header-names';
import type { ReadSettings } from './read-options';
import { spanError, type HeaderMatcher, type RowMapper, type SourceRecord } from './table-reader';
import type { CustomerPresetId, ImportBatch, ImportedCustomer, ImportError } from './types';

type Columns = Partial<Record<CustomerField, number>>;
const IDENTIFYING: readonly CustomerField[] = ['name', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'cpf', 'cnpj', 'document'];

/** The preset whose header this is (the one asked for, or the first whose signature matches, generic last). */
export function customerHeaderMatcher(settings: ReadSettings<CustomerPresetId>): HeaderMatcher<ImportedCustomer, CustomerPresetId> {
  const candidates = settings.preset === 'auto' ? CUSTOMER_PRESETS : CUSTOMER_PRESETS.filter((preset) => preset.id === settings.preset);
  return (header, final) => {
    for (const preset of candidates) {
      // Whether this is the header is the layout's call: the seller's mapping would make any row with enough cells one.
      const found = findColumns(header, preset.columns);
      const excluded = preset.without !== undefined && header.some((cell) => preset.without?.includes(headerKey(cell)));
      const fits = preset.signature.length > 0 ? hasColumns(header, preset.signature) && !excluded : IDENTIFYING.some((field) => found[field] !== undefined);
      if (!fits && !(final && preset === candidates[candidates.length - 1])) continue;
      const problems: ImportError[] = [];
      const columns = chooseColumns(found, header, settings.columns, problems);
      return { preset: preset.id, mapper: customerMapper(preset, header, columns, settings), columns, problems };
    }
    return null;
  };
}

function customerMapper(_preset: CustomerPreset, header: readonly string[], columns: Columns, settings: ReadSettings<CustomerPresetId>): RowMapper<ImportedCustomer> {
  return { map: (group, out) => readCustomer(header, columns, settings, group[0] as SourceRecord, out) };
}

function readCustomer(header: readonly string[], columns: Columns, settings: ReadSettings<CustomerPresetId>, record: SourceRecord, out: ImportBatch<ImportedCustomer>): void {
  const notes: ImportError[] = [];
  const cell = (field: CustomerField): Cell | undefined => (columns[field] === undefined ? undefined : record.cells[columns[field] as number]);
  const text = (field: CustomerField) => cellText(cell(field));
  const name = (field: CustomerField) => header[columns[field] as number] as string;
  const fail = (field: CustomerField, { code, error, value }: CellFault) => notes.push(spanError(record, { code, message: `${name(field)}: ${error}`, value }, name(field)));
  const read = (field: CustomerField, reader: (cell: Cell) => Reading, use: (value: string) => void) => {
    if (text(field) === '') return;
    const reading = reader(cell(field) as Cell);
    if (typeof reading === 'string') use(reading);
    else fail(field, reading);
  };

  const customer: ImportedCustomer = { line: record.line };
  if (record.endLine > record.line) customer.endLine = record.endLine;
  read('externalId', readId, (value) => (customer.externalId = value));
  const fullName = text('name') || [text('firstName'), text('lastName')].filter(Boolean).join(' ');
  if (fullName !== '') customer.name = fullName;
  read('email', readEmail, (value) => (customer.email = value));
  read('mobile', (value) => readPhone(value, settings.country), (value) => (customer.phone = value));
  if (customer.phone === undefined) read('phone', (value) => readPhone(value, settings.country), (value) => (customer.phone = value));
  read('cpf', readCpf, (value) => (customer.cpf = value));
  read('cnpj', readCnpj, (value) => (customer.cnpj = value));
  if (text('document') !== '') {
    const reading = readDocument(cell('document') as Cell);
    if ('error' in reading) fail('document', reading);
    else Object.assign(customer, reading);
  }
  const tags = text('tags')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length > 0) customer.tags = tags;
  if (text('notes') !== '') customer.notes = text('notes');
  if (text('createdAt') !== '') {
    const date = readDate(cell('createdAt') as Cell, settings.clock);
    if (typeof date === 'string') customer.createdAt = date;
    else fail('createdAt', date);
  }
  for (const field of ['city', 'state', 'country'] as const) if (text(field) !== '') customer[field] = text(field);
  read('postalCode', readPostalCode, (value) => (customer.postalCode = value));

  const identified = customer.name !== undefined || customer.email !== undefined || customer.phone !== undefined || customer.cpf !== undefined || customer.cnpj !== undefined;
  if (identified) out.rows.push(customer);
  else if (notes.length === 0) out.errors.push(spanError(record, { code: 'no-customer', message: 'The row has no name, e-mail, phone, CPF or CNPJ, so it was not read' }));
  out.errors.push(...notes);
}

function readCnpj(cell: Cell): Reading {
  const reading = readDocument(cell);
  if ('error' in reading) return reading;
  return reading.cnpj ? reading.cnpj : fault('not-a-cnpj', cellText(cell), 'is not a CNPJ (14 digits)');
}
