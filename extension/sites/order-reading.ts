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

/**
 * The sidebar's state for an order page: keyed by the order itself, so a page that fills in (the buyer card after
 * the title) or changes under the seller's eyes (a status) stays the same subject; the watcher passes each new
 * reading on (watch-conversation.ts compares the whole reading, not only the key).
 */
export function orderState(order: StoreOrderReading, orderId: string): ConversationState {
  return { status: 'order', order, key: `${order.store}:${order.shop ?? ''}:${orderId}` };
}
