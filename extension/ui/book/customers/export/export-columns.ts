import type { CsvDialect, CsvField, CustomerRow, IdentityKind, Order, Tag } from '../../../../../core';
import { enumLabel, identityLabelKey } from '../../../../i18n/labels';
import type { BookTools } from '../../app/book-context';
import { funnelLabel } from '../table-cells';

type Tools = Pick<BookTools, 't' | 'locale'>;

/** A contact as a file holds it: the kind and the seller's spelling (`raw`) beside the normalized value. */
export type Contact = { kind: IdentityKind; value: string; raw: string };

/** What the customer columns need of one customer: the table's row, and when they joined the book. */
export interface CustomerLine {
  row: CustomerRow;
  createdAt: string | null;
}

/** What an order line needs of its customer. */
export interface OrderCustomer {
  name: string;
  contacts: readonly Contact[];
}

/**
 * One column per contact kind, the ones the seller reaches customers by first. Their headers are the contact
 * labels (`Telefone`, `WhatsApp`, `E-mail`, `CPF`), words the importer's generic preset knows in every locale.
 */
const CONTACT_COLUMNS: readonly IdentityKind[] = ['phone', 'whatsapp', 'email', 'instagram', 'messenger', 'telegram', 'whatsapp-username', 'whatsapp-lid', 'storefront', 'cpf'];

/** Several values of one kind in one cell. */
const SAME_KIND = ' | ';

/**
 * A contact as written: the seller's spelling, except where Excel would turn it into a number and lose digits
 * (a phone or a CPF typed as digits only): the E.164 phone (kept as text by the formula guard's apostrophe)
 * and the CPF with its dots and dash. The importer reads both forms back.
 */
export function contactText(contact: Contact): string {
  if (!/^\d+$/.test(contact.raw)) return contact.raw;
  if (contact.kind === 'cpf' && /^\d{11}$/.test(contact.value)) return contact.value.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  if (contact.kind === 'phone' || contact.kind === 'whatsapp') return contact.value;
  return contact.raw;
}

const contactsOf = (contacts: readonly Contact[], kind: IdentityKind) => contacts.filter((contact) => contact.kind === kind).map(contactText);

export function customerHeader({ t }: Tools): string[] {
  return [
    t('export.column.name'),
    ...CONTACT_COLUMNS.map((kind) => t(identityLabelKey(kind))),
    t('export.column.tags'),
    t('export.column.activity'),
    t('export.column.segment'),
    t('export.column.stage'),
    t('export.column.funnelStage'),
    t('export.column.lastPurchase'),
    t('export.column.orders'),
    t('export.column.totalSpent'),
    t('export.column.currency'),
    t('export.column.predictedValue'),
    t('export.column.predictedCurrency'),
    t('export.column.alive'),
    t('export.column.createdAt'),
  ];
}

/**
 * One customer's cells. Tags are joined with commas, as the importer splits them. Total spent is the book's main
 * currency when the customer bought in it (the table puts it first), else their first currency; the others are
 * left out, never added in.
 */
export function customerFields({ row, createdAt }: CustomerLine, { locale }: Tools, tags: ReadonlyMap<string, Tag>): CsvField[] {
  const spent = row.totalSpent[0];
  return [
    row.name,
    ...CONTACT_COLUMNS.map((kind) => contactsOf(row.contacts, kind).join(SAME_KIND)),
    row.tagIds.flatMap((id) => tags.get(id)?.name ?? []).join(', '),
    enumLabel(locale, 'activityStatus', row.activity),
    row.segment === null ? null : enumLabel(locale, 'rfmSegment', row.segment),
    enumLabel(locale, 'lifecycleStage', row.stage),
    row.funnelStage === null ? null : funnelLabel(locale, row.funnelStage),
    row.lastPurchaseAt === null ? null : { kind: 'instant', at: row.lastPurchaseAt, time: false },
    { kind: 'count', value: row.orders },
    spent ? { kind: 'money', minor: spent.minor, currency: spent.currency } : null,
    spent?.currency ?? null,
    row.predictedValue ? { kind: 'money', minor: row.predictedValue.minor, currency: row.predictedValue.currency } : null,
    row.predictedValue?.currency ?? null,
    row.probabilityAlive === null ? null : { kind: 'count', value: Math.round(row.probabilityAlive * 100) },
    createdAt === null ? null : { kind: 'instant', at: createdAt, time: true },
  ];
}

export function orderHeader({ t }: Tools): string[] {
  return [
    t('export.column.order'),
    t('export.column.date'),
    t('export.column.status'),
    t('export.column.total'),
    t('export.column.currency'),
    t('export.column.customer'),
    t(identityLabelKey('phone')),
    t(identityLabelKey('email')),
    t(identityLabelKey('cpf')),
    t('export.column.items'),
    t('export.column.channel'),
  ];
}

/**
 * One order's cells: its reference in the seller's store when it came from one, else its id in the book. Items
 * read `2× Bolo; 1× Torta`; in a standard file they are joined with ` | ` instead, since a `;` per item could
 * outnumber the commas of a line and make a reader that guesses the separator (ours among them) take `;`.
 */
export function orderFields(order: Order, customer: OrderCustomer | undefined, { locale }: Tools, dialect: CsvDialect): CsvField[] {
  const contacts = customer?.contacts ?? [];
  const first = (...kinds: IdentityKind[]) => kinds.flatMap((kind) => contactsOf(contacts, kind))[0] ?? null;
  const decimal = dialect === 'excel-br' ? ',' : '.';
  const items = order.items.map((item) => `${String(item.quantity).replace('.', decimal)}× ${item.name}`).join(dialect === 'excel-br' ? '; ' : SAME_KIND);
  return [
    order.externalRef ?? order.id,
    { kind: 'instant', at: order.placedAt, time: true },
    enumLabel(locale, 'orderStatus', order.status),
    { kind: 'money', minor: order.totalMinor, currency: order.currency },
    order.currency,
    customer?.name ?? null,
    first('phone', 'whatsapp'),
    first('email'),
    first('cpf'),
    items,
    enumLabel(locale, 'orderChannel', order.channel),
  ];
}
