import { readAmount } from './amounts';
import { cellText, fault, type Cell, type CellFault } from './cells';
import { readCpf, readDocument, readEmail, readId, readPhone, type Reading } from './contacts';
import { readDate } from './dates';
import { chooseColumns, findColumns, hasColumns } from './header-names';
import { ORDER_PRESETS, type OrderField, type OrderPreset } from './order-presets';
import type { ReadSettings } from './read-options';
import { combineStatus } from './status';
import { spanError, type HeaderMatcher, type RowMapper, type SourceRecord } from './table-reader';
import { ORDER_FIELDS, type ImportBatch, type ImportedItem, type ImportedOrder, type ImportError, type OrderPresetId } from './types';

/** The preset whose header this is (the one asked for, or the first whose signature matches, generic last). */
export function orderHeaderMatcher(settings: ReadSettings<OrderPresetId>): HeaderMatcher<ImportedOrder, OrderPresetId> {
  const candidates = settings.preset === 'auto' ? ORDER_PRESETS : ORDER_PRESETS.filter((preset) => preset.id === settings.preset);
  return (header, final) => {
    for (const preset of candidates) {
      // Whether this is the header is the layout's call: the seller's mapping would make any row with enough cells one.
      const found = findColumns(header, preset.columns);
      const fits = preset.signature.length > 0 ? hasColumns(header, preset.signature) : found.placedAt !== undefined && found.total !== undefined;
      if (!fits && !(final && preset === candidates[candidates.length - 1])) continue;
      const problems: ImportError[] = [];
      const columns = chooseColumns(found, header, settings.columns, problems);
      return { preset: preset.id, mapper: orderMapper(preset, header, columns, settings), columns, problems };
    }
    return null;
  };
}

type Columns = Partial<Record<OrderField, number>>;
/** A cell's problem, or a column's (a missing date has no text to show). */
type Problem = Pick<CellFault, 'code' | 'error'> & { value?: string };


function orderMapper(preset: OrderPreset, header: readonly string[], columns: Columns, settings: ReadSettings<OrderPresetId>): RowMapper<ImportedOrder> {
  const mapper = new OrderRowMapper(preset, header, columns, settings);
  if (preset.linePerItem && columns.externalId !== undefined) mapper.groupColumn = columns.externalId;
  return mapper;
}

/**
 * Reads one order from its lines. The hot path of a million-row import: column places are resolved once into an
 * object of numbers (-1 where the file has no such column), and no closure is made per row.
 */
class OrderRowMapper implements RowMapper<ImportedOrder> {
  groupColumn?: number;
  private readonly at: Record<OrderField, number>;
  private readonly missing: string;

  constructor(
    private readonly preset: OrderPreset,
    private readonly header: readonly string[],
    columns: Columns,
    private readonly settings: ReadSettings<OrderPresetId>,
  ) {
    this.at = Object.fromEntries(ORDER_FIELDS.map((field) => [field, columns[field] ?? -1])) as Record<OrderField, number>;
    const missing = [columns.placedAt === undefined ? 'the order date' : '', columns.total === undefined ? 'the total' : ''].filter(Boolean);
    this.missing = missing.join(' or ');
  }

  map(group: readonly SourceRecord[], out: ImportBatch<ImportedOrder>): void {
    const first = group[0] as SourceRecord;
    const span = { line: first.line, endLine: (group[group.length - 1] as SourceRecord).endLine };
    if (this.missing !== '') {
      out.errors.push(spanError(span, { code: 'no-date-or-total-column', message: `The file has no column for ${this.missing}, so this row was not read` }));
      return;
    }
    const at = this.at;
    const fatal: ImportError[] = [];
    const notes: ImportError[] = [];

    const currencyText = this.text(first, at.currency).toUpperCase();
    const currency = currencyText === '' ? (this.preset.currency ?? this.settings.currency) : currencyText;
    if (currencyText !== '' && !/^[A-Z]{3}$/.test(currencyText)) fatal.push(this.error(span, at.currency, fault('not-a-currency', currencyText, 'is not a currency code')));

    let placedAt = '';
    const dateCell = first.cells[at.placedAt];
    if (cellText(dateCell) === '') fatal.push(this.error(span, at.placedAt, { code: 'missing-date', error: 'the date is missing' }));
    else {
      const date = readDate(dateCell as Cell, this.settings.clock);
      if (typeof date === 'string') placedAt = date;
      else fatal.push(this.error(span, at.placedAt, date));
    }

    let total = 0;
    const totalCell = first.cells[at.total];
    if (cellText(totalCell) === '') fatal.push(this.error(span, at.total, { code: 'missing-total', error: 'the total is missing' }));
    else {
      const amount = readAmount(totalCell as Cell, this.preset.decimal, currency);
      if (typeof amount === 'number') total = amount;
      else fatal.push(this.error(span, at.total, amount));
    }

    const statusText = this.text(first, at.status);
    const paymentText = this.text(first, at.paymentStatus);
    const status = combineStatus(statusText, paymentText, this.text(first, at.cancelledAt) !== '');
    if (status === 'unpaid') {
      const [column, word] = paymentText !== '' ? [at.paymentStatus, paymentText] : [at.status, statusText];
      fatal.push(this.error(span, column, fault('unpaid', word, 'is an order not paid yet; only paid, refunded and cancelled orders are read')));
    }

    const order: ImportedOrder = { line: first.line, placedAt, total, currency, customer: {} };
    if (span.endLine > span.line) order.endLine = span.endLine;
    if (status !== null && status !== 'unpaid') order.status = status;
    const id = this.reading(first, at.externalId, readId);
    if (id !== null) {
      if (typeof id === 'string') order.externalId = id;
      else fatal.push(this.error(span, at.externalId, id));
    }
    const name = this.text(first, at.name);
    if (name !== '') order.customer.name = name;
    this.keep(this.reading(first, at.email, readEmail), first, at.email, notes, (value) => (order.customer.email = value));
    this.keep(this.reading(first, at.phone, this.readPhone), first, at.phone, notes, (value) => (order.customer.phone = value));
    if (this.text(first, at.cpf) !== '') {
      const error = readBuyerDocument(first.cells[at.cpf] as Cell, this.preset, order);
      if (error) notes.push(this.error(first, at.cpf, error));
    }
    if (at.itemName >= 0 && at.itemPrice >= 0) {
      const items: ImportedItem[] = [];
      for (const record of group) {
        const item = this.item(record, currency, notes);
        if (item) items.push(item);
      }
      if (items.length > 0) order.items = items;
    } else if (at.itemList >= 0) {
      const items = itemList(this.text(first, at.itemList));
      if (items.length > 0) order.items = items;
    }

    if (fatal.length > 0) for (const error of fatal) out.errors.push(error);
    else out.rows.push(order);
    for (const error of notes) out.errors.push(error);
  }

  private readonly readPhone = (cell: Cell): Reading => readPhone(cell, this.settings.country);

  private text(record: SourceRecord, column: number): string {
    return column < 0 ? '' : cellText(record.cells[column]);
  }

  /** The reading of a cell that has text, or null when the cell is empty or the file has no such column. */
  private reading(record: SourceRecord, column: number, reader: (cell: Cell) => Reading): Reading | null {
    if (column < 0) return null;
    const cell = record.cells[column];
    return cell === undefined || cellText(cell) === '' ? null : reader(cell);
  }

  private keep(reading: Reading | null, record: SourceRecord, column: number, notes: ImportError[], use: (value: string) => void): void {
    if (reading === null) return;
    if (typeof reading === 'string') use(reading);
    else notes.push(this.error(record, column, reading));
  }

  private error(record: { line: number; endLine: number }, column: number, { code, error, value }: Problem): ImportError {
    const name = this.header[column] as string;
    return spanError(record, { code, message: `${name}: ${error}`, value }, name);
  }

  private item(record: SourceRecord, currency: string, notes: ImportError[]): ImportedItem | null {
    const at = this.at;
    const name = this.text(record, at.itemName);
    if (name === '') return null;
    const quantityText = this.text(record, at.itemQuantity);
    const quantity = quantityText === '' ? 1 : Number(quantityText.replace(',', '.'));
    if (!(quantity > 0) || !Number.isFinite(quantity)) {
      notes.push(this.error(record, at.itemQuantity, fault('bad-quantity', quantityText, 'is not a quantity')));
      return null;
    }
    const priceCell = record.cells[at.itemPrice];
    if (cellText(priceCell) === '') {
      notes.push(this.error(record, at.itemPrice, { code: 'missing-price', error: "the item's price is missing" }));
      return null;
    }
    const unitPrice = readAmount(priceCell as Cell, this.preset.decimal, currency);
    if (typeof unitPrice !== 'number') {
      notes.push(this.error(record, at.itemPrice, unitPrice));
      return null;
    }
    return { name: name.slice(0, 200), quantity, unitPrice };
  }
}

const LISTED_ITEM = /^(\d+(?:[.,]\d+)?)\s*[×xX]\s+(.+)$/;
/** The model keeps at most this many items per order. */
const MAX_ITEMS = 500;

/**
 * Items listed in one cell: `2× Bolo; 1× Torta` (our Excel export), `2× Bolo | 1× Torta` (our standard one, whose
 * names may hold a `;`), or names alone (one of each). The file gives no prices: each is 0, the order's total stands.
 */
export function itemList(text: string): ImportedItem[] {
  const items: ImportedItem[] = [];
  for (const part of text.split(text.includes('|') ? '|' : ';')) {
    const written = part.trim();
    if (written === '' || items.length >= MAX_ITEMS) continue;
    const match = LISTED_ITEM.exec(written);
    const quantity = match ? Number((match[1] as string).replace(',', '.')) : 1;
    if (!(quantity > 0)) continue;
    items.push({ name: (match ? (match[2] as string) : written).slice(0, 200), quantity, unitPrice: 0 });
  }
  return items;
}

/** Sets the buyer's CPF; the reason when the cell holds none. A CNPJ (Nuvemshop's column holds either) is no identity of ours and is left out. */
function readBuyerDocument(cell: Cell, preset: OrderPreset, order: ImportedOrder): CellFault | null {
  const reading = preset.id === 'nuvemshop' || preset.id === 'generic' ? readDocument(cell) : readCpf(cell);
  if (typeof reading === 'string') order.customer.cpf = reading;
  else if ('error' in reading) return reading;
  else if (reading.cpf) order.customer.cpf = reading.cpf;
  return null;
}
