import { readAmount } from './amounts';
import { cellText, quoted, type Cell } from './cells';
import { readCpf, readDocument, readEmail, readId, readPhone, type Reading } from './contacts';
import { readDate } from './dates';
import { findColumns, hasColumns } from './header-names';
import { ORDER_PRESETS, type OrderField, type OrderPreset } from './order-presets';
import type { ReadSettings } from './read-options';
import { combineStatus } from './status';
import { spanError, type HeaderMatcher, type RowMapper, type SourceRecord } from './table-reader';
import type { ImportBatch, ImportedItem, ImportedOrder, ImportError, OrderPresetId } from './types';

/** The preset whose header this is (the one asked for, or the first whose signature matches, generic last). */
export function orderHeaderMatcher(settings: ReadSettings<OrderPresetId>): HeaderMatcher<ImportedOrder, OrderPresetId> {
  const candidates = settings.preset === 'auto' ? ORDER_PRESETS : ORDER_PRESETS.filter((preset) => preset.id === settings.preset);
  return (header, final) => {
    for (const preset of candidates) {
      const columns = findColumns(header, preset.columns);
      const fits = preset.signature.length > 0 ? hasColumns(header, preset.signature) : columns.placedAt !== undefined && columns.total !== undefined;
      if (fits || (final && preset === candidates[candidates.length - 1])) return { preset: preset.id, mapper: orderMapper(preset, header, columns, settings) };
    }
    return null;
  };
}

type Columns = Partial<Record<OrderField, number>>;

function orderMapper(preset: OrderPreset, header: readonly string[], columns: Columns, settings: ReadSettings<OrderPresetId>): RowMapper<ImportedOrder> {
  const missing = (['placedAt', 'total'] as const).filter((field) => columns[field] === undefined);
  const mapper: RowMapper<ImportedOrder> = {
    map(group, out) {
      if (missing.length > 0) {
        const names = missing.map((field) => (field === 'total' ? 'the total' : 'the order date')).join(' or ');
        out.errors.push(spanError({ line: (group[0] as SourceRecord).line, endLine: (group[group.length - 1] as SourceRecord).endLine }, `The file has no column for ${names}, so this row was not read`));
        return;
      }
      readOrder(preset, header, columns, settings, group, out);
    },
  };
  if (preset.linePerItem && columns.externalId !== undefined) mapper.groupColumn = columns.externalId;
  return mapper;
}

function readOrder(preset: OrderPreset, header: readonly string[], columns: Columns, settings: ReadSettings<OrderPresetId>, group: readonly SourceRecord[], out: ImportBatch<ImportedOrder>): void {
  const first = group[0] as SourceRecord;
  const span = { line: first.line, endLine: (group[group.length - 1] as SourceRecord).endLine };
  const fatal: ImportError[] = [];
  const notes: ImportError[] = [];
  const cell = (field: OrderField, record: SourceRecord = first): Cell | undefined => (columns[field] === undefined ? undefined : record.cells[columns[field] as number]);
  const name = (field: OrderField) => header[columns[field] as number] as string;
  const text = (field: OrderField, record?: SourceRecord) => cellText(cell(field, record));
  const fail = (list: ImportError[], field: OrderField, message: string, record: { line: number; endLine: number } = first) => list.push(spanError(record, `${name(field)}: ${message}`, name(field)));

  const currencyText = text('currency').toUpperCase();
  const currency = /^[A-Z]{3}$/.test(currencyText) ? currencyText : settings.currency;
  if (currencyText !== '' && currency !== currencyText) fail(fatal, 'currency', `${quoted(currencyText)} is not a currency code`, span);

  let placedAt = '';
  const dateCell = cell('placedAt');
  if (text('placedAt') === '') fail(fatal, 'placedAt', 'the date is missing', span);
  else {
    const date = readDate(dateCell as Cell, settings.clock);
    if (typeof date === 'string') placedAt = date;
    else fail(fatal, 'placedAt', date.error, span);
  }

  let total = 0;
  if (text('total') === '') fail(fatal, 'total', 'the total is missing', span);
  else {
    const amount = readAmount(cell('total') as Cell, preset.decimal, currency);
    if (typeof amount === 'number') total = amount;
    else fail(fatal, 'total', amount, span);
  }

  const status = combineStatus([text('status'), text('paymentStatus')], text('cancelledAt') !== '');
  if (status === 'unpaid') {
    const field = text('paymentStatus') !== '' ? 'paymentStatus' : 'status';
    fail(fatal, field, `${quoted(text(field))} is an order not paid yet; only paid, refunded and cancelled orders are read`, span);
  }

  const order: ImportedOrder = { line: first.line, placedAt, total, currency, customer: {} };
  if (span.endLine > span.line) order.endLine = span.endLine;
  if (status !== null && status !== 'unpaid') order.status = status;
  if (text('externalId') !== '') keep(readId(cell('externalId') as Cell), (value) => (order.externalId = value), (error) => fail(fatal, 'externalId', error, span));
  if (text('name') !== '') order.customer.name = text('name');
  if (text('email') !== '') keep(readEmail(cell('email') as Cell), (value) => (order.customer.email = value), (error) => fail(notes, 'email', error));
  if (text('phone') !== '') keep(readPhone(cell('phone') as Cell, settings.country), (value) => (order.customer.phone = value), (error) => fail(notes, 'phone', error));
  if (text('cpf') !== '') readBuyerDocument(cell('cpf') as Cell, preset, order, (error) => fail(notes, 'cpf', error));

  if (columns.itemName !== undefined && columns.itemPrice !== undefined) {
    const items: ImportedItem[] = [];
    for (const record of group) {
      const item = readItem(record, text, preset, currency, (field, message) => fail(notes, field, message, record), cell);
      if (item) items.push(item);
    }
    if (items.length > 0) order.items = items;
  }

  if (fatal.length > 0) out.errors.push(...fatal);
  else out.rows.push(order);
  out.errors.push(...notes);
}

function readBuyerDocument(cell: Cell, preset: OrderPreset, order: ImportedOrder, fail: (error: string) => void): void {
  // Nuvemshop's column holds a CPF or a CNPJ; a company buyer's CNPJ is no identity of ours and is left out.
  const reading = preset.id === 'nuvemshop' || preset.id === 'generic' ? readDocument(cell) : readCpf(cell);
  if ('error' in reading) fail(reading.error);
  else if ('value' in reading) order.customer.cpf = reading.value;
  else if (reading.cpf) order.customer.cpf = reading.cpf;
}

function readItem(
  record: SourceRecord,
  text: (field: OrderField, record?: SourceRecord) => string,
  preset: OrderPreset,
  currency: string,
  fail: (field: OrderField, message: string) => void,
  cell: (field: OrderField, record?: SourceRecord) => Cell | undefined,
): ImportedItem | null {
  const name = text('itemName', record);
  if (name === '') return null;
  const quantityText = text('itemQuantity', record);
  const quantity = quantityText === '' ? 1 : Number(quantityText.replace(',', '.'));
  if (!(quantity > 0) || !Number.isFinite(quantity)) {
    fail('itemQuantity', `${quoted(quantityText)} is not a quantity`);
    return null;
  }
  const priceCell = cell('itemPrice', record);
  if (priceCell === undefined || cellText(priceCell) === '') {
    fail('itemPrice', "the item's price is missing");
    return null;
  }
  const unitPrice = readAmount(priceCell, preset.decimal, currency);
  if (typeof unitPrice === 'string') {
    fail('itemPrice', unitPrice);
    return null;
  }
  return { name: name.slice(0, 200), quantity, unitPrice };
}

function keep(reading: Reading, use: (value: string) => void, fail: (error: string) => void): void {
  if ('value' in reading) use(reading.value);
  else fail(reading.error);
}
