import type { StoreOrderReading } from '../../core';
import type { ConversationState } from './types';

/**
 * The limits of `storeOrderReadingSchema` (core/io/store-order/reading.ts), which the content script cannot
 * import (it carries no zod and no runtime core code). order-reading.test.ts proves the two agree.
 */
export const ORDER_LIMITS = {
  shop: 200,
  reference: 100,
  placedAt: 100,
  total: 100,
  currency: 10,
  status: 100,
  name: 200,
  email: 200,
  phone: 100,
  cpf: 100,
  itemName: 300,
  quantity: 50,
  price: 100,
  items: 200,
} as const;

type Item = StoreOrderReading['items'][number];

/**
 * Page text as an order reading keeps it: runs of whitespace (no-break spaces included, as in "R$ 1.234,56")
 * collapsed to one space, trimmed, cut to `max`; null when nothing is left. Never read further: the frame does that.
 */
export function shown(text: string | null | undefined, max: number): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, max).trim() : null;
}

/**
 * What a form control holds as the server rendered it (an input's `value` attribute, a select's option marked
 * `selected`), or an element's text. The attribute, not the live value: the saved order, not an unsaved edit.
 */
export function rawValueOf(element: Element): string | null {
  switch (element.tagName) {
    case 'INPUT':
      return element.getAttribute('value');
    case 'SELECT': {
      const option = element.querySelector('option[selected]') ?? element.querySelector('option');
      return option?.getAttribute('value') ?? option?.textContent ?? null;
    }
    default:
      return element.textContent;
  }
}

/** The first non-empty value among the elements the alternatives match, in order, as `shown` keeps it. */
export function firstShown(root: ParentNode, alternatives: readonly string[], max: number): string | null {
  for (const selector of alternatives) {
    for (const element of root.querySelectorAll(selector)) {
      const value = shown(rawValueOf(element), max);
      if (value) return value;
    }
  }
  return null;
}

/** An item row's reading, cut to the schema's limits. */
export function itemOf(name: string | null | undefined, quantity: string | null | undefined, price: string | null | undefined): Item | null {
  const itemName = shown(name, ORDER_LIMITS.itemName);
  return itemName ? { name: itemName, quantity: shown(quantity, ORDER_LIMITS.quantity), price: shown(price, ORDER_LIMITS.price) } : null;
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
export const documentIn = (text: string | null | undefined) => fullDocument(valueAfter(text, /\b(?:CPF\s*\/\s*CNPJ|CPF|CNPJ)\b\s*:?\s*/i, ORDER_LIMITS.cpf));

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

/**
 * The sidebar's state for an order page: keyed by the order itself, so a page that fills in (the buyer card after
 * the title) or changes under the seller's eyes (a status) stays the same subject; the watcher passes each new
 * reading on (watch-conversation.ts compares the whole reading, not only the key).
 */
export function orderState(order: StoreOrderReading, orderId: string): ConversationState {
  return { status: 'order', order: { ...order, items: order.items.slice(0, ORDER_LIMITS.items) }, key: `${order.store}:${order.shop ?? ''}:${orderId}` };
}
