import { DEFAULT_FUNNEL_STAGES, type CustomerDossier } from '../../../../../core';
import { formatDate, formatDateTime, formatMoney } from '../../../../i18n/format';
import { enumLabel } from '../../../../i18n/labels';
import type { Locale, MessageKey } from '../../../../i18n/translate';
import { scoreText } from '../../../feedback-text';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * One CSV cell: quoted when it holds a separator, a quote or a line break; a cell a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, return first) gets a leading apostrophe, since names and notes are untrusted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A funnel stage in words: the default ones translated, a seller's own as they wrote it. */
export function stageLabel(stage: string, locale: Locale): string {
  return (DEFAULT_FUNNEL_STAGES as readonly string[]).includes(stage) ? enumLabel(locale, 'funnelStage', stage as (typeof DEFAULT_FUNNEL_STAGES)[number]) : stage;
}

/**
 * Everything held about one customer as a readable table (section, item, detail) in the seller's language and
 * time zone, for the customer to read: the JSON file is the complete, machine-readable copy.
 */
export function dossierCsv(dossier: CustomerDossier, t: T, locale: Locale, timeZone: string): string {
  const rows: string[][] = [[t('csv.section'), t('csv.item'), t('csv.detail')]];
  const { customer } = dossier;
  const section = t('customerData');
  rows.push([section, t('name'), customer.displayName]);
  rows.push([section, t('customerSince'), formatDate(customer.createdAt, locale, timeZone)]);
  if (customer.funnelStage) rows.push([section, t('funnel'), stageLabel(customer.funnelStage, locale)]);
  for (const identity of customer.identities) rows.push([t('identities'), enumLabel(locale, 'identityKind', identity.kind), identity.raw || identity.value]);
  for (const [key, value] of Object.entries(customer.customFields)) rows.push([t('customFields'), key, value === null ? '' : String(value)]);
  for (const tag of dossier.tags) rows.push([t('tags'), tag.name, '']);
  if (customer.consent.recordedAt) rows.push([t('csv.consent'), formatDateTime(customer.consent.recordedAt, locale, timeZone), [customer.consent.text, customer.consent.version].filter(Boolean).join(' · ')]);
  for (const order of dossier.orders) {
    rows.push([
      t('orderHistory'),
      formatDate(order.placedAt, locale, timeZone),
      [formatMoney(order.totalMinor, order.currency, locale), enumLabel(locale, 'orderStatus', order.status), enumLabel(locale, 'orderChannel', order.channel), ...order.items.map((item) => `${item.quantity} × ${item.name}`)].join(' · '),
    ]);
  }
  for (const note of dossier.notes) rows.push([t('notes'), formatDateTime(note.createdAt, locale, timeZone), note.text]);
  for (const followUp of dossier.followUps) rows.push([t('followUps'), formatDateTime(followUp.due, locale, timeZone), followUp.text]);
  for (const item of dossier.feedback) rows.push([t('feedback'), formatDate(item.receivedAt, locale, timeZone), [scoreText(t, item), item.comment ?? ''].filter(Boolean).join(' · ')]);
  if (dossier.erasedAt) rows.push([t('csv.erasure'), formatDateTime(dossier.erasedAt, locale, timeZone), '']);
  // A byte-order mark, so spreadsheet programs read the accents as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The file name of an export: the date, and nothing of the customer (it may be shared or synced by name). */
export function dossierFileName(extension: 'json' | 'csv', now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `clientela-dados-do-cliente-${day}.${extension}`;
}

/** Hands a file to the browser's downloads. */
export function downloadFile(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
