import type { OrderStatus } from '../../model';

/**
 * What is wrong, as a word the screen translates (`import.problem.<code>`). Cells: a date, an amount, a contact or
 * a document that is not one, Excel's damage to long numbers, an order not paid. Rows and files: no header, a
 * quote left open, no customer named, a value the book's model refuses. Options: a zone, currency or preset the
 * caller gave that does not exist. `internal` is a defect of ours.
 */
export const IMPORT_PROBLEM_CODES = [
  'not-a-date',
  'missing-date',
  'missing-total',
  'missing-price',
  'bad-amount',
  'negative-amount',
  'too-many-decimals',
  'not-a-currency',
  'bad-quantity',
  'scientific-notation',
  'lost-leading-zeros',
  'not-a-cpf',
  'not-a-cnpj',
  'not-a-phone',
  'not-an-email',
  'unpaid',
  'no-header',
  'no-date-or-total-column',
  'unclosed-quote',
  'stray-quote',
  'empty-file',
  'not-a-spreadsheet',
  'no-customer',
  'invalid-field',
  'unknown-time-zone',
  'unknown-currency',
  'unknown-preset',
  'unknown-column',
  'internal',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/**
 * One problem in the file. `line` is where the seller finds it: for a CSV the physical line of the record's first
 * line (a quoted cell with line breaks counts its lines), for a spreadsheet the row number the sheet shows.
 * `column` is the file's own header text. `endLine` is the record's last line when it spans several (a quote that
 * ran on), so the screen can say "lines 4–9". `code` is what the screen shows, in the seller's language, with
 * `value` (the cell's text, cut at 60 characters, when there is one); `message` is the same in English, for
 * developers and logs.
 */
export interface ImportError {
  line: number;
  endLine?: number;
  column?: string;
  code: ImportProblemCode;
  value?: string;
  message: string;
}

/** An order line the file lists: unit price in minor units of the order's currency. */
export interface ImportedItem {
  name: string;
  quantity: number;
  unitPrice: number;
}

/** What the file says about the buyer. Phones are E.164, emails lower-case, a CPF its 11 verified digits. */
export interface ImportedBuyer {
  name?: string;
  email?: string;
  phone?: string;
  cpf?: string;
}

/**
 * One order. `placedAt` is an ISO 8601 UTC instant; `total` integer minor units of `currency`. `status` is omitted
 * when the file has no status column or a word for none of the three (the caller decides; an unpaid order is a row
 * error, never a status). `endLine` is set when the order spans several lines (Shopify's one line per item, a
 * quoted note with line breaks).
 */
export interface ImportedOrder {
  line: number;
  endLine?: number;
  externalId?: string;
  placedAt: string;
  total: number;
  currency: string;
  status?: OrderStatus;
  customer: ImportedBuyer;
  items?: ImportedItem[];
}

/**
 * One customer of a customer list. Identities are normalized as for orders; `cnpj` is kept as its 14 digits,
 * unverified (no identity kind); `postalCode` a CEP's 8 digits (or the text of a foreign code); `tags` split on
 * commas; `createdAt` an ISO instant (Shopify has none; Bling "Cliente desde", WooCommerce "Sign Up").
 */
export interface ImportedCustomer {
  line: number;
  endLine?: number;
  externalId?: string;
  name?: string;
  email?: string;
  phone?: string;
  cpf?: string;
  cnpj?: string;
  tags?: string[];
  notes?: string;
  createdAt?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/**
 * The fields an order file may carry. `statusText` and `paymentStatus` both feed the status; `cancelledAt` set means
 * cancelled; `itemList` is every item in one cell, as our export writes them (`2× Bolo; 1× Torta`, or joined with ` | `).
 */
export const ORDER_FIELDS = ['externalId', 'placedAt', 'total', 'currency', 'status', 'paymentStatus', 'cancelledAt', 'name', 'email', 'phone', 'cpf', 'itemName', 'itemQuantity', 'itemPrice', 'itemList'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];
/** The fields a customer list may carry. `document` is a CPF or a CNPJ, told apart by its length (Bling, Kyte). */
export const CUSTOMER_FIELDS = ['externalId', 'name', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'cpf', 'cnpj', 'document', 'tags', 'notes', 'createdAt', 'city', 'state', 'postalCode', 'country'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const ORDER_PRESET_IDS = ['shopify', 'woocommerce', 'nuvemshop', 'mercadolivre', 'shopee', 'generic'] as const;
export type OrderPresetId = (typeof ORDER_PRESET_IDS)[number];
export const CUSTOMER_PRESET_IDS = ['shopify', 'shopify-legacy', 'woocommerce', 'bling', 'kyte', 'generic'] as const;
export type CustomerPresetId = (typeof CUSTOMER_PRESET_IDS)[number];

export interface ImportOptions<P extends string, F extends string> {
  /** `auto` (the default) picks the preset whose header the file has. */
  preset?: 'auto' | P;
  /**
   * The seller's column mapping, over the preset's: a field's column (0-based, in the header row the reader finds),
   * or null to read that field from no column. Fields left out keep the column the preset found.
   */
  columns?: Readonly<Partial<Record<F, number | null>>>;
  /** Country assumed for phones without a country code (default BR). */
  defaultCountry?: string;
  /** Currency when the file names none (default BRL). */
  currency?: string;
  /** The seller's IANA zone, for dates written without an offset (default America/Sao_Paulo). */
  timeZone?: string;
}
export type OrderImportOptions = ImportOptions<OrderPresetId, OrderField>;
export type CustomerImportOptions = ImportOptions<CustomerPresetId, CustomerField>;

/**
 * How the reader read the file's columns, once it found the header row: the header's cells as the file writes them,
 * the column each field was read from (fields the file has no column for are absent), and the first data row's
 * cells, for a screen to show beside each column.
 */
export interface ColumnMapping<F extends string = string> {
  header: string[];
  columns: Partial<Record<F, number>>;
  sample: string[];
}

/**
 * What a reader gives: the preset it read the file as (null until a header row has been found), the rows and the
 * errors. A row may be returned and have errors too: a cell that is not essential (a damaged phone, an invalid CPF) is
 * left out and reported, and the rest of the row is kept. A row whose date or total cannot be read is only reported.
 */
export interface ImportBatch<Row> {
  rows: Row[];
  errors: ImportError[];
}
export interface ImportResult<Row, P extends string> extends ImportBatch<Row> {
  preset: P | null;
  /** Null until a header row has been found. */
  mapping: ColumnMapping | null;
}
