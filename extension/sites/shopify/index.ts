import type { StoreOrderReading } from '../../../core';
import { firstShown, itemOf, ORDER_LIMITS, orderState, shown } from '../order-reading';
import { firstMatch, type SiteAdapter } from '../types';
import { shopifyLabels as labels, shopifySelectors as selectors } from './selectors';

/** Any admin page of a store: `/store/<handle>` and below (handles are lower-case letters, digits and hyphens). */
const STORE_PATH = /^\/store\/([a-z0-9][a-z0-9-]*)(?:\/|$)/i;
const ORDER_PATH = /^\/store\/[^/]+\/orders\/(\d+)\/?$/;
const CUSTOMER_ROUTE = /\/customers\/\d+/;
const PRODUCT_ROUTE = /\/products\/\d+/;
/** "R$ 89,90 × 2": a line item's unit price, then its quantity. */
const TIMES = '\u00d7';
/** "29 de novembro de 2026 às 14:03 de Loja virtual": the date is everything up to the clock time. */
const DATE_BEFORE_CHANNEL = /^.*?\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?/i;
/**
 * A phone as the customer card prints it, as plain text beside a copy button ("+55 11 98765-4321"): a CEP or a
 * CPF neither starts so nor has 10 digits. A tel: link with the same text would be read too.
 */
const PHONE_TEXT = /^[+(][\d\s().-]+$/;

const LEAVES = 'span, p, a, dt, dd, td, div';

/** Text of `node` without what only screen readers hear (a Polaris badge's hidden tone label). */
function visibleText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1 && !(child as Element).getAttribute('class')?.includes('visuallyHidden')) text += ` ${visibleText(child)} `;
  }
  return text;
}

function matching(root: ParentNode, alternatives: readonly string[], test: (element: Element) => boolean): Element | null {
  for (const selector of alternatives) for (const element of root.querySelectorAll(selector)) if (test(element)) return element;
  return null;
}

const cardAround = (element: Element) => element.closest(selectors.card.join(', ')) ?? element.parentElement;

/**
 * The customer card: by its heading where the admin speaks a language we know (it is there even when the order
 * has no customer), else around the first link to a customer's page.
 */
function customerCard(main: Element): Element | null {
  const heading = matching(main, selectors.cardHeading, (element) => (labels.customerHeading as readonly string[]).includes(shown(element.textContent, 50) ?? ''));
  if (heading) return cardAround(heading);
  const link = matching(main, selectors.customerLink, (element) => CUSTOMER_ROUTE.test(element.getAttribute('href') ?? ''));
  return link ? cardAround(link) : null;
}

function phoneText(card: Element): string | null {
  for (const element of card.querySelectorAll(LEAVES)) {
    if (element.firstElementChild) continue;
    const text = shown(element.textContent, ORDER_LIMITS.phone);
    if (text && PHONE_TEXT.test(text) && text.replace(/\D/g, '').length >= 10) return text;
  }
  return null;
}

function buyerIn(card: Element): StoreOrderReading['buyer'] {
  const link = matching(card, selectors.customerLink, (element) => CUSTOMER_ROUTE.test(element.getAttribute('href') ?? ''));
  return {
    name: shown(link?.textContent, ORDER_LIMITS.name),
    email: firstShown(card, selectors.email, ORDER_LIMITS.email),
    phone: phoneText(card),
    // Shopify's order page shows no CPF.
    cpf: null,
  };
}

/** The smallest ancestor of a product link that holds its "price × quantity", unless it holds another item too. */
function rowOf(link: Element, main: Element): Element | null {
  let row = link.parentElement;
  for (let depth = 0; row && row !== main && depth < 6; depth++, row = row.parentElement) {
    const products = [...row.querySelectorAll(selectors.productLink.join(', '))].filter((other) => PRODUCT_ROUTE.test(other.getAttribute('href') ?? ''));
    if (products.some((other) => other.getAttribute('href') !== link.getAttribute('href'))) return null;
    if (row.textContent?.includes(TIMES)) return row;
  }
  return null;
}

function itemsIn(main: Element): StoreOrderReading['items'] {
  const items: StoreOrderReading['items'] = [];
  const rows = new Set<Element>();
  for (const link of main.querySelectorAll(selectors.productLink.join(', '))) {
    if (!PRODUCT_ROUTE.test(link.getAttribute('href') ?? '')) continue;
    const row = rowOf(link, main);
    if (row && rows.has(row)) continue;
    if (row) rows.add(row);
    const priced = row ? [...row.querySelectorAll(LEAVES)].find((element) => !element.firstElementChild && element.textContent?.includes(TIMES)) : undefined;
    const [price, quantity] = priced?.textContent?.split(TIMES) ?? [];
    const item = itemOf(link.textContent, quantity, price);
    if (item) items.push(item);
    if (items.length === ORDER_LIMITS.items) break;
  }
  return items;
}

/** The payment card's "Total" row: its last text after the label. */
function totalIn(main: Element): string | null {
  for (const label of main.querySelectorAll(LEAVES)) {
    if (label.firstElementChild || !(labels.total as readonly string[]).includes(shown(label.textContent, 20) ?? '')) continue;
    let row = label.parentElement;
    while (row && row !== main && shown(row.textContent, 20) === shown(label.textContent, 20)) row = row.parentElement;
    const leaves = row ? [...row.querySelectorAll(LEAVES)].filter((element) => !element.firstElementChild && element !== label && shown(element.textContent, 1)) : [];
    const value = leaves.at(-1);
    if (value) return shown(value.textContent, ORDER_LIMITS.total);
  }
  return null;
}

function placedAtIn(main: Element): string | null {
  const line = shown(firstMatch(main, selectors.placedAt)?.textContent, 300);
  return line ? shown(DATE_BEFORE_CHANNEL.exec(line)?.[0] ?? line, ORDER_LIMITS.placedAt) : null;
}

function statusIn(main: Element): string | null {
  for (const selector of selectors.statusBadges) {
    const words = [...main.querySelectorAll(selector)].map((badge) => shown(visibleText(badge), 50)).filter(Boolean);
    if (words.length > 0) return shown(words.join(' · '), ORDER_LIMITS.status);
  }
  return null;
}

export const shopifyAdapter: SiteAdapter = {
  id: 'shopify',
  label: 'Shopify',
  // Every admin page of a store: the admin moves between pages without loading, so the script must already be there.
  matches: (url) => url.protocol === 'https:' && url.hostname === 'admin.shopify.com' && STORE_PATH.test(url.pathname),

  detect(document, url) {
    const shop = STORE_PATH.exec(url.pathname)?.[1] ?? '';
    const orderId = ORDER_PATH.exec(url.pathname)?.[1];
    if (!orderId) return { status: 'no-chat', key: `shopify:${shop}:none` };
    const unknown = `shopify:${shop}:${orderId}:unknown`;
    const main = firstMatch(document, selectors.main) ?? document.body;
    const reference = shown(firstMatch(main, selectors.title)?.textContent, ORDER_LIMITS.reference);
    // Right after a move from the orders list the old title ("Pedidos") is still there: an order's name has digits.
    if (!reference || !/\d/.test(reference)) return { status: 'undetected', reason: 'shopify-title', key: unknown };
    const card = customerCard(main);
    if (!card) return { status: 'undetected', reason: 'shopify-customer', key: unknown };
    const order: StoreOrderReading = {
      store: 'shopify',
      shop: shown(shop, ORDER_LIMITS.shop),
      reference,
      placedAt: placedAtIn(main),
      total: totalIn(main),
      currency: null,
      status: statusIn(main),
      buyer: buyerIn(card),
      items: itemsIn(main),
    };
    return orderState(order, orderId);
  },

  observeRoot: (document) => firstMatch(document, selectors.main) ?? document.body,
  composer: () => null,
  layoutRoot: (document) => firstMatch<HTMLElement>(document, selectors.frame) ?? document.body,
  // The admin has no dark theme today (Polaris's dark tokens are not offered to merchants): always light.
  isDark: () => false,
};
