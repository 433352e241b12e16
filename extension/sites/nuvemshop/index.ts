import { allIn, documentIn, firstRead, fullEmail, fullPhone, ORDER_LIMITS, orderState, rowValue, shown, textIn } from '../order-reading';
import { firstMatch, type SiteAdapter } from '../types';
import { nuvemshopSelectors as selectors } from './selectors';

// The admin lives on the store's own subdomain of the shared domain (<loja>.lojavirtualnuvem.com.br/admin/…), the
// storefront on the same host outside /admin. Stores on their own domain reach the admin there too; those need a
// permission the seller grants, not a manifest pattern.
const HOST = /^([a-z0-9-]{1,63})\.lojavirtualnuvem\.com\.br$/;
const ORDER = /^\/admin\/(?:v2\/)?orders\/(\d{1,20})\/?$/;
/** The order number in the page title ("Venda #1042"): the number the store's CSV export calls "Número do Pedido". */
const NUMBER = /#\s*(\d{1,20})\b/;

/** A contact link's value: its text when it reads as one, else its href (mailto:, tel:, wa.me/<number>). */
function contactOf(link: Element | null, read: (text: string | null) => string | null, max: number): string | null {
  if (!link) return null;
  const fromText = read(textIn(link, max));
  if (fromText) return fromText;
  const href = link.getAttribute('href') ?? '';
  let value: string;
  try {
    value = decodeURIComponent(href);
  } catch {
    return null;
  }
  const mail = /^mailto:([^?]*)/i.exec(value)?.[1];
  const tel = /^tel:(.*)$/i.exec(value)?.[1];
  const whatsapp = /(?:wa\.me\/|[?&]phone=)\+?(\d{8,15})/.exec(value)?.[1];
  return read(shown(mail ?? tel ?? (whatsapp ? `+${whatsapp}` : null), max));
}

/** The card holding `element`: its nearest ancestor (below `main`) that also holds a card title. */
function cardAround(element: Element): Element {
  let card = element;
  while (card.parentElement && card.parentElement.tagName !== 'MAIN' && !firstMatch(card, selectors.cardTitle)) card = card.parentElement;
  return card;
}

/**
 * Nuvemshop (Tiendanube in Spanish-speaking markets; only the Brazilian admin for now). Serves the whole admin
 * (/admin/…), not only its orders: the admin is a single-page app, so a seller who opens the dashboard and then a
 * sale never loads a page at the order's URL. The buyer is the customer; an order page reads 'order'.
 */
export const nuvemshopAdapter: SiteAdapter = {
  id: 'nuvemshop',
  label: 'Nuvemshop',
  matches: (url) => url.protocol === 'https:' && HOST.test(url.hostname) && /^\/admin(\/|$)/.test(url.pathname),

  detect(document, url) {
    const shop = HOST.exec(url.hostname)?.[1] ?? null;
    const id = ORDER.exec(url.pathname)?.[1];
    if (!id) return { status: 'no-chat', key: `nuvemshop:${shop}:none` };
    const reference = NUMBER.exec(textIn(firstMatch(document, selectors.heading), 200) ?? '')?.[1] ?? null;
    const customer = firstMatch(document, selectors.customerLink);
    const name = textIn(customer, ORDER_LIMITS.name);
    // Without the order number and the buyer's link we cannot tell whose order this is: the page changed.
    if (!reference || !customer || !name) return { status: 'undetected', reason: 'nuvemshop-order', key: `nuvemshop:${id}:unknown` };
    const card = cardAround(customer);
    const cpf = firstRead(allIn(card, selectors.cardLine), (line) => documentIn(line.textContent));
    const status = allIn(document, selectors.statusTags).map((tag) => textIn(tag, ORDER_LIMITS.status)).filter(Boolean).join(' · ');
    const items = allIn(document, selectors.productLink).slice(0, ORDER_LIMITS.items).map((link) => {
      const cells = link.closest('tr')?.querySelectorAll('td');
      return { name: textIn(link, ORDER_LIMITS.itemName) ?? '', quantity: textIn(cells?.[1], ORDER_LIMITS.quantity), price: textIn(cells?.[2], ORDER_LIMITS.price) };
    });
    return orderState({
      store: 'nuvemshop',
      shop,
      reference,
      placedAt: textIn(firstMatch(document, selectors.placedAt), ORDER_LIMITS.placedAt),
      total: rowValue(document, selectors.summaryRow, ['Total'], ORDER_LIMITS.total),
      currency: null,
      status: shown(status, ORDER_LIMITS.status),
      buyer: { name, email: contactOf(firstMatch(card, selectors.email), fullEmail, ORDER_LIMITS.email), phone: contactOf(firstMatch(card, selectors.phone), fullPhone, ORDER_LIMITS.phone), cpf },
      items: items.filter((item) => item.name),
    }, id);
  },

  observeRoot: (document) => firstMatch(document, selectors.app) ?? document.body,
  composer: () => null,
  layoutRoot: (document) => firstMatch<HTMLElement>(document, selectors.app),
  // The admin has no dark theme we know of.
  isDark: () => false,
};
