import type { StoreId, StoreOrderReading } from '../../core';
import type { ConversationState } from './types';

/**
 * Helpers for the store adapters (an admin's order page rather than a chat). They read page text only: amounts,
 * dates and phones stay text for the sidebar frame's readers (core/io/import), and the frame checks the reading
 * against `storeOrderReadingSchema`. Type-only imports from core keep zod out of the content script.
 */

/** The schema's limits (core/io/store-order/reading.ts), so a reading never fails it for length. */
export const LIMITS = { shop: 200, reference: 100, placedAt: 100, total: 100, currency: 10, status: 100, name: 200, email: 200, phone: 100, cpf: 100, itemName: 300, quantity: 50, price: 100, items: 200 } as const;

/** Page text as a reading keeps it: whitespace runs collapsed to one space, trimmed, cut to `max`; null when empty. */
export function shown(text: string | null | undefined, max: number): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, max).trimEnd() : null;
}

/** The element's text as shown (see `shown`). */
export const textIn = (element: Element | null | undefined, max: number) => shown(element?.textContent, max);

/** Every element matching any of the alternatives, in document order per alternative. */
export const everyIn = (root: ParentNode, alternatives: readonly string[]) => alternatives.flatMap((selector) => [...root.querySelectorAll(selector)]);

/** The first non-null reading of the elements, in order. */
export function firstRead<T>(elements: readonly Element[], read: (element: Element) => T | null): T | null {
  for (const element of elements) {
    const value = read(element);
    if (value !== null) return value;
  }
  return null;
}

/** Every element matching the first alternative that matches any. */
export function allIn(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

// Masking stores use (`a***@gmail.com`, `(11) 9****-4321`, `XXX.456.789-XX`): such a value names no one.
const MASK = /[*•●∙…]|[xX]{3}/;
const digitCount = (text: string) => text.replace(/\D/g, '').length;

/** An e-mail shown in full, or null (a masked or partial address is not an identity: we never store a guess). */
export function fullEmail(text: string | null): string | null {
  return text && !MASK.test(text) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : null;
}

/** A phone shown in full (8 to 15 digits, nothing masked), or null. */
export function fullPhone(text: string | null): string | null {
  return text && !MASK.test(text) && /^[+\d\s().-]+$/.test(text) && digitCount(text) >= 8 && digitCount(text) <= 15 ? text : null;
}

/** A CPF (11 digits) or CNPJ (14) shown in full, or null. The frame checks its digits. */
export function fullDocument(text: string | null): string | null {
  return text && !MASK.test(text) && /^[\d.\-/\s]+$/.test(text) && [11, 14].includes(digitCount(text)) ? text : null;
}

/**
 * The contact written after a label in a line of text (`ANA | CPF 390.533.447-05`, `Quem recebe: Ana - Tel.: (11)
 * 98765-4321`): the run of digits, separators and mask characters that follows it, as shown; null without the label.
 */
export function valueAfter(text: string | null | undefined, label: RegExp, max: number): string | null {
  const match = text ? label.exec(text) : null;
  if (!text || !match) return null;
  const run = text.slice(match.index + match[0].length).match(/^[+\d\s().\-/*•●∙…xX]*/)?.[0] ?? '';
  return shown(run.replace(/[\s.\-/(]+$/, ''), max);
}

/** A document (CPF or CNPJ) written after its label in `text`, shown in full, or null. */
export const documentIn = (text: string | null | undefined) => fullDocument(valueAfter(text, /\b(?:CPF\s*\/\s*CNPJ|CPF|CNPJ)\b\s*:?\s*/i, LIMITS.cpf));

/**
 * The value of the row labelled with one of `labels` ("Total"): among `rows`, the first whose first child reads
 * the label (case and a trailing colon aside); its value is its last child's text.
 */
export function rowValue(root: ParentNode, rows: readonly string[], labels: readonly string[], max: number): string | null {
  const wanted = labels.map((label) => label.toLowerCase());
  for (const row of allIn(root, rows)) {
    const label = shown(row.firstElementChild?.textContent, 100)?.replace(/:$/, '').toLowerCase();
    if (label && wanted.includes(label) && row.lastElementChild !== row.firstElementChild) return textIn(row.lastElementChild, max);
  }
  return null;
}

/** 32-bit FNV-1a of a string, in base 36: a short digest for keys. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * The 'order' state. Its key names the order and a digest of the reading: the watcher passes a state on only when
 * its key changes, and an admin page renders in steps (items after the header) and changes in place (a status
 * moved to "Cancelada"), so each new reading of the same order must reach the frame.
 */
export function orderState(store: StoreId, pageId: string, reading: StoreOrderReading): ConversationState {
  const order = { ...reading, items: reading.items.slice(0, LIMITS.items) };
  return { status: 'order', order, key: `${store}:${pageId}:${digest(JSON.stringify(order))}` };
}
