import { ValidationError, type OrderStatus } from '../../model';
import { currencyNamedIn, DOLLARS, minorDigits, readAmount } from '../import/amounts';
import { shown } from '../import/cells';
import { readCpf, readEmail, readPhone, type Reading } from '../import/contacts';
import { readDate } from '../import/dates';
import { readSettings } from '../import/read-options';
import { readStatusWord, type StatusReading } from '../import/status';
import { ORDER_FIELDS, ORDER_PRESET_IDS, type ImportError, type ImportedBuyer, type ImportedItem, type ImportedOrder } from '../import/types';
import type { StoreId, StoreOrderReading } from './reading';

/** The seller's book settings a page is read with: their IANA zone, main currency and the country of bare phones. */
export interface StoreOrderSettings {
  timeZone: string;
  currency: string;
  country: string;
}

/** The fields of a reading the sidebar may say are missing. */
export const STORE_ORDER_FIELDS = ['reference', 'placedAt', 'total', 'currency', 'status', 'name', 'email', 'phone', 'cpf', 'items'] as const;
export type StoreOrderField = (typeof STORE_ORDER_FIELDS)[number];

/** `absent`: the page does not show it; `unreadable`: it does, in a form we cannot read; `masked`: partly hidden (`a***@gmail.com`). */
export type MissingReason = 'absent' | 'unreadable' | 'masked';

/** A field left out of what is saved; `text` is the page's text (cut at 60 characters) when it showed one. */
export interface MissingField {
  field: StoreOrderField;
  reason: MissingReason;
  text?: string;
}

/**
 * Why nothing can be saved, in the order one is reported when several hold: an order not paid yet is no sale;
 * without an e-mail, phone or CPF the buyer cannot be told from a namesake (a name alone is never enough here);
 * without the store's reference a second save, or the store's export file, would make it a second order; and the
 * total, date and status are what the order is.
 */
export const STORE_ORDER_REFUSALS = ['unpaid', 'no-identity', 'no-reference', 'no-total', 'no-date', 'no-status'] as const;
export type StoreOrderRefusal = (typeof STORE_ORDER_REFUSALS)[number];

/** One contact of the buyer as the book keys it: an e-mail lower-cased, a phone in E.164, a CPF's 11 digits. */
export interface BuyerIdentity {
  kind: 'email' | 'phone' | 'cpf';
  value: string;
}

/** What was understood of the page, saved or not: what the sidebar shows. Money in minor units. */
export interface StoreOrderSummary {
  reference: string | null;
  placedAt: string | null;
  total: { amount: number; currency: string } | null;
  status: StatusReading;
  items: number;
  buyerName: string | null;
}

export interface StoreOrderRead {
  /** The order as the file import takes it (line 1), or null when `refusal` says why it cannot be saved. */
  order: ImportedOrder | null;
  summary: StoreOrderSummary;
  /** email, phone, cpf, in the order the import matches them by. */
  identities: BuyerIdentity[];
  missing: MissingField[];
  refusal: StoreOrderRefusal | null;
}

/**
 * Reads an order page's text with the file import's readers: amounts, dates on the seller's clock, contacts and
 * status words are understood the same way whether they come from a file or a page. Saves what is certain, says
 * what is missing, never stores a guess: an unreadable phone beside a good e-mail leaves the phone out, an
 * unreadable item leaves every item out (a partial list would be a wrong one), and an order that lacks what it
 * cannot do without is refused. Never throws for the page's text; throws a ValidationError for settings that are
 * not ones (the caller's, not the page's).
 */
export function readStoreOrder(reading: StoreOrderReading, settings: StoreOrderSettings): StoreOrderRead {
  const { clock, country, currency: seller } = checkedSettings(settings);
  const missing: MissingField[] = [];
  const lack: Lack = (field, reason, text) => missing.push(reason === 'absent' || !text ? { field, reason } : { field, reason, text: shown(text.trim()) });

  const externalId = given(reading.reference) ? storeOrderId(reading.store, reading.reference) : null;
  if (externalId === null) lack('reference', given(reading.reference) ? 'unreadable' : 'absent', reading.reference);

  let placedAt: string | null = null;
  if (!given(reading.placedAt)) lack('placedAt', 'absent');
  else {
    const date = readDate(reading.placedAt, clock);
    if (typeof date === 'string') placedAt = date;
    else lack('placedAt', 'unreadable', reading.placedAt);
  }

  const currency = currencyOf(reading, seller, lack);
  let total: number | null = null;
  if (!given(reading.total)) lack('total', 'absent');
  else if (currency !== null) {
    const amount = readAmount(reading.total, 'auto', currency);
    if (typeof amount === 'number') total = amount;
    else lack('total', 'unreadable', reading.total);
  }

  let status: StatusReading = null;
  if (!given(reading.status)) lack('status', 'absent');
  else if ((status = readStatusWord(reading.status)) === null) lack('status', 'unreadable', reading.status);

  const { customer, identities } = buyerOf(reading.buyer, (text) => readPhone(text, country), lack);
  const items = itemsOf(reading.items, currency ?? seller, lack);

  const refusal = refusalOf({ status, identities: identities.length, externalId, total, placedAt });
  const summary: StoreOrderSummary = { reference: externalId, placedAt, total: total === null || currency === null ? null : { amount: total, currency }, status, items: items?.length ?? 0, buyerName: customer.name ?? null };
  let order: ImportedOrder | null = null;
  if (refusal === null) {
    // refusalOf let none of these be null.
    order = { line: 1, externalId: externalId as string, placedAt: placedAt as string, total: total as number, currency: currency as string, status: status as OrderStatus, customer };
    if (items !== null && items.length > 0) order.items = items;
  }
  return { order, summary, identities, missing, refusal };
}

type Lack = (field: StoreOrderField, reason: MissingReason, text?: string | null) => void;

function given(text: string | null): text is string {
  return text !== null && text.trim() !== '';
}

function checkedSettings(settings: StoreOrderSettings) {
  const errors: ImportError[] = [];
  const read = readSettings({ timeZone: settings.timeZone, currency: settings.currency, defaultCountry: settings.country }, ORDER_PRESET_IDS, ORDER_FIELDS, errors);
  const problems = errors.map((error) => ({ field: error.code === 'unknown-time-zone' ? 'timeZone' : 'currency', message: error.message }));
  if (!/^[A-Z]{2}$/.test(settings.country)) problems.push({ field: 'country', message: `"${settings.country}" is not a two-letter country code such as BR` });
  if (problems.length > 0) throw new ValidationError(problems, 'The book settings');
  return read;
}

/**
 * The order's id as the store's own export file writes it, so an order saved from the page and later imported from
 * that file is one order (`import:<store>:<id>`): whitespace and `#` dropped, except that Shopify's export names
 * orders `#1001`, so a bare number gets its `#` back there (a shop's own prefix, `LOJA1001`, is kept as shown).
 */
export function storeOrderId(store: StoreId, reference: string): string | null {
  const bare = reference.replace(/[\s#]/g, '');
  if (bare === '') return null;
  if (store === 'shopify') return /^\d+$/.test(bare) ? `#${bare}` : reference.replace(/\s/g, '');
  return bare;
}

/**
 * The reading's ISO code, else the one the total's symbol names, else the seller's. Null (reported) when they
 * disagree, when the code is not one and the total names none, or for a bare `$` the seller's currency is not
 * written with: which dollar it is would be a guess.
 */
function currencyOf(reading: StoreOrderReading, seller: string, lack: Lack): string | null {
  const stated = given(reading.currency) ? reading.currency.trim().toUpperCase() : null;
  const code = stated !== null && /^[A-Z]{3}$/.test(stated) && minorDigits(stated) >= 0 ? stated : null;
  const named = given(reading.total) ? currencyNamedIn(reading.total) : null;
  let currency: string | null;
  if (named === 'conflict') currency = null;
  // A stated code that is none: only the total's own symbol or code can say.
  else if (stated !== null && code === null) currency = named === '$' ? null : named;
  else if (named === null) currency = code ?? seller;
  else if (named === '$') currency = DOLLARS.has(code ?? seller) ? (code ?? seller) : null;
  else currency = code === null || code === named ? named : null;
  if (currency === null) lack('currency', 'unreadable', stated !== null && code === null ? reading.currency : reading.total);
  return currency;
}

// Characters pages hide part of a contact with. Phones and CPFs have no letters, so an `x` there hides a digit too.
const MASK = /[*•●∗…·⁎＊]/;
const MASK_IN_DIGITS = /[*•●∗…·⁎＊xX]/;

function buyerOf(buyer: StoreOrderReading['buyer'], readPhoneText: (text: string) => Reading, lack: Lack) {
  const customer: ImportedBuyer = {};
  const identities: BuyerIdentity[] = [];
  const name = buyer.name?.replace(/\s+/g, ' ').trim();
  if (name) customer.name = name;
  else lack('name', 'absent');
  const contact = (kind: BuyerIdentity['kind'], text: string | null, read: (text: string) => Reading) => {
    if (!given(text)) return lack(kind, 'absent');
    if ((kind === 'email' ? MASK : MASK_IN_DIGITS).test(text)) return lack(kind, 'masked', text);
    const value = read(text.trim());
    if (typeof value !== 'string') return lack(kind, 'unreadable', text);
    customer[kind] = value;
    identities.push({ kind, value });
  };
  contact('email', buyer.email, readEmail);
  contact('phone', buyer.phone, readPhoneText);
  contact('cpf', buyer.cpf, readCpf);
  return { customer, identities };
}

/** `2`, `2,5`, `× 2`, `2x`, `2 un.`: the quantities item lines show. */
const QUANTITY = /^(?:[×xX]\s*)?(\d+(?:[.,]\d+)?)\s*(?:[×xX]|un\.?|unid\.?|unidades?)?$/;

/** Every item, or null (reported) when one cannot be read. A price the page does not show is 0, as in the import's item lists: the order's total stands. */
function itemsOf(lines: StoreOrderReading['items'], currency: string, lack: Lack): ImportedItem[] | null {
  if (lines.length === 0) {
    lack('items', 'absent');
    return null;
  }
  const items: ImportedItem[] = [];
  for (const line of lines) {
    const name = line.name.replace(/\s+/g, ' ').trim();
    const match = given(line.quantity) ? QUANTITY.exec(line.quantity.trim()) : null;
    const quantity = line.quantity === null || line.quantity.trim() === '' ? 1 : match ? Number((match[1] as string).replace(',', '.')) : NaN;
    const price = given(line.price) ? readAmount(line.price, 'auto', currency) : 0;
    if (name === '' || !(quantity > 0) || typeof price !== 'number') {
      lack('items', 'unreadable', [line.name, line.quantity, line.price].filter(Boolean).join(' · '));
      return null;
    }
    items.push({ name: name.slice(0, 200), quantity, unitPrice: price });
  }
  return items;
}

function refusalOf(read: { status: StatusReading; identities: number; externalId: string | null; total: number | null; placedAt: string | null }): StoreOrderRefusal | null {
  if (read.status === 'unpaid') return 'unpaid';
  if (read.identities === 0) return 'no-identity';
  if (read.externalId === null) return 'no-reference';
  if (read.total === null) return 'no-total';
  if (read.placedAt === null) return 'no-date';
  if (read.status === null) return 'no-status';
  return null;
}
