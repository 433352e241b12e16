import type { StoreOrderReading } from '../../../core';
import { firstShown, itemOf, ORDER_LIMITS, orderState, shown } from '../order-reading';
import { firstMatch, type SiteAdapter } from '../types';
import { wooCommerceSelectors as selectors } from './selectors';

/** The admin screens we serve, at the site root or under a WordPress installed in a folder (`/loja/wp-admin/`). */
const SCREEN_FILE = /\/wp-admin\/(post|admin|edit)\.php$/;
const ID = /^\d+$/;
/** "Pedido #1234 detalhes", "Order #1234 details": the order number is what follows "#" (a plugin may add letters). */
const ORDER_NUMBER = /#\s*(\S+)/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

type Screen = { order: string } | 'list';

/** Which WooCommerce orders screen `url` is: an order's edit screen (classic or HPOS), an orders list, or neither. */
function screenOf(url: URL): Screen | null {
  const file = SCREEN_FILE.exec(url.pathname)?.[1];
  const query = url.searchParams;
  if (file === 'post') return query.get('action') === 'edit' && ID.test(query.get('post') ?? '') ? { order: query.get('post') as string } : null;
  if (file === 'admin' && query.get('page') === 'wc-orders') return query.get('action') === 'edit' && ID.test(query.get('id') ?? '') ? { order: query.get('id') as string } : 'list';
  if (file === 'edit' && query.get('post_type') === 'shop_order') return 'list';
  return null;
}

/**
 * The match patterns a content script registered for a shop the seller granted needs: the three screens, at the
 * root and under a folder. Patterns name no port (a port-less pattern matches every port, and Firefox accepts no
 * port), and match the path only: so every post.php and admin.php screen of that site, which `matches` then sorts.
 */
export function wooCommerceMatches(origin: string): string[] {
  const { protocol, hostname } = new URL(origin);
  return ['', '/*'].flatMap((folder) => ['post', 'admin', 'edit'].map((file) => `${protocol}//${hostname}${folder}/wp-admin/${file}.php*`));
}

/**
 * Billing names, else shipping names: one pair, never a first name from one and a last name from the other. Else
 * the first line of the billing address as shown (its lines are text between <br>s; the name comes first).
 */
function nameIn(document: Document): string | null {
  for (const pair of selectors.names) {
    const name = shown([...document.querySelectorAll(pair)].map((input) => input.getAttribute('value') ?? '').join(' '), ORDER_LIMITS.name);
    if (name) return name;
  }
  const address = firstMatch(document, selectors.shownAddress);
  return address?.firstChild?.nodeType === 3 ? shown(address.firstChild.nodeValue, ORDER_LIMITS.name) : null;
}

function buyerIn(document: Document): StoreOrderReading['buyer'] {
  return {
    name: nameIn(document),
    email: firstShown(document, selectors.email, ORDER_LIMITS.email),
    phone: firstShown(document, selectors.phone, ORDER_LIMITS.phone),
    cpf: firstShown(document, selectors.cpf, ORDER_LIMITS.cpf),
  };
}

/** "2026-11-29 14:03:27" from the date input and its hour, minute and second: the shop's wall clock, no offset. */
function placedAtIn(document: Document): string | null {
  const date = firstShown(document, selectors.date, 20);
  const [hour, minute, second] = [selectors.hour, selectors.minute, selectors.second].map((alternatives) => firstShown(document, alternatives, 2)?.padStart(2, '0'));
  if (!date || !hour || !minute) return date;
  return shown(`${date} ${hour}:${minute}:${second ?? '00'}`, ORDER_LIMITS.placedAt);
}

function itemsIn(document: Document): StoreOrderReading['items'] {
  const items: StoreOrderReading['items'] = [];
  const rows = selectors.items.map((selector) => [...document.querySelectorAll(selector)]).find((found) => found.length > 0) ?? [];
  for (const row of rows) {
    // The shown quantity is "× 2" (the sign in a <small>): the edit input holds the number alone.
    const quantity = firstShown(row, selectors.itemQuantity, ORDER_LIMITS.quantity)?.replace(/^\u00d7\s*/, '');
    const item = itemOf(firstShown(row, selectors.itemName, ORDER_LIMITS.itemName), quantity, firstShown(row, selectors.itemPrice, ORDER_LIMITS.price));
    if (item) items.push(item);
    if (items.length === ORDER_LIMITS.items) break;
  }
  return items;
}

export const wooCommerceAdapter: SiteAdapter = {
  id: 'woocommerce',
  label: 'WooCommerce',
  // On the seller's own domain (registered per granted shop, see wooCommerceMatches): https, or http on this machine.
  matches: (url) => (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) && screenOf(url) !== null,

  detect(document, url) {
    const screen = screenOf(url);
    const shop = url.host;
    if (screen === null || screen === 'list') return { status: 'no-chat', key: `woocommerce:${shop}:none` };
    const unknown = `woocommerce:${shop}:${screen.order}:unknown`;
    const data = firstMatch(document, selectors.orderData);
    if (!data) {
      // post.php edits every post type: a product's or a page's screen is no order.
      const order = url.pathname.endsWith('/admin.php') || firstMatch(document, selectors.classicOrderScreen);
      return order ? { status: 'undetected', reason: 'woocommerce-order-data', key: unknown } : { status: 'no-chat', key: `woocommerce:${shop}:none` };
    }
    const reference = shown(ORDER_NUMBER.exec(firstMatch(data, selectors.heading)?.textContent ?? '')?.[1], ORDER_LIMITS.reference);
    if (!reference) return { status: 'undetected', reason: 'woocommerce-heading', key: unknown };
    const order: StoreOrderReading = {
      store: 'woocommerce',
      shop: shown(shop, ORDER_LIMITS.shop),
      reference,
      placedAt: placedAtIn(document),
      total: firstShown(document, selectors.total, ORDER_LIMITS.total),
      currency: null,
      status: firstShown(document, selectors.status, ORDER_LIMITS.status),
      buyer: buyerIn(document),
      items: itemsIn(document),
    };
    return orderState(order, screen.order);
  },

  observeRoot: (document) => firstMatch(document, selectors.content) ?? document.body,
  composer: () => null,
  layoutRoot: (document) => firstMatch<HTMLElement>(document, selectors.wrap) ?? document.body,
  // WordPress's admin is light in every colour scheme it ships (the schemes colour the menu, not the screens).
  isDark: () => false,
};
