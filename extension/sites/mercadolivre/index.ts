import { allIn, documentIn, everyIn, firstRead, fullPhone, ORDER_LIMITS, orderState, rowValue, shown, textIn, valueAfter } from '../order-reading';
import { firstMatch, type SiteAdapter } from '../types';
import { mercadolivreSelectors as selectors } from './selectors';

const SALE = /^\/vendas\/(\d{1,20})\/detalhe\/?$/;
/** The sale number in the subtitle ("Venda #2000009876543210"): the "N.º de venda" of the store's sales report. */
const NUMBER = /#\s*(\d{1,20})\b/;
/**
 * The row holding what the buyer paid for the items. Its "Total" row is what the seller receives after Mercado
 * Livre's fees and shipping, not what the customer spent (as the sales report's "Receita por produtos" vs "Total").
 */
const ITEMS_PAID = ['Produtos', 'Produto', 'Preço do produto', 'Preço dos produtos'];
const TEL = /\bTel\.?\s*:\s*/i;
const RECEIVER = /Quem recebe:\s*(.+?)\s*-\s*Tel/i;

/**
 * The phone of a shipping line ("Quem recebe: Carla Dias - Tel.: (21) 99876-5432") shown in full, taken for the
 * buyer's only when the line names no one else: a gift's receiver is another person.
 */
function buyerPhone(line: string | null, buyer: string): string | null {
  const phone = fullPhone(valueAfter(line, TEL, ORDER_LIMITS.phone));
  const receiver = shown(RECEIVER.exec(line ?? '')?.[1], ORDER_LIMITS.name);
  return phone && (!receiver || receiver.toLowerCase() === buyer.toLowerCase()) ? phone : null;
}

/**
 * Mercado Livre Brasil sales (www.mercadolivre.com.br/vendas/…; other countries' sites are not served yet). The
 * buyer is the customer. Mercado Livre shows the buyer's e-mail nowhere and their phone only on some shipping
 * modes, often masked: the CPF of the invoice data is the identity, a masked contact is none. The seller's
 * nickname is not on the page (its header greets them by first name), so `shop` stays null.
 */
export const mercadolivreAdapter: SiteAdapter = {
  id: 'mercadolivre',
  label: 'Mercado Livre',
  matches: (url) => url.protocol === 'https:' && url.hostname === 'www.mercadolivre.com.br' && url.pathname.startsWith('/vendas/'),

  detect(document, url) {
    const sale = SALE.exec(url.pathname)?.[1];
    if (!sale) return { status: 'no-chat', key: 'mercadolivre:none' };
    const subtitle = textIn(firstMatch(document, selectors.subtitle), 300) ?? '';
    const reference = NUMBER.exec(subtitle)?.[1] ?? null;
    const name = textIn(firstMatch(document, selectors.buyerName), ORDER_LIMITS.name);
    if (!reference || !name) return { status: 'undetected', reason: 'mercadolivre-sale', key: `mercadolivre:${sale}:unknown` };
    const items = allIn(document, selectors.product).slice(0, ORDER_LIMITS.items).map((product) => ({
      name: textIn(firstMatch(product, selectors.productName), ORDER_LIMITS.itemName) ?? '',
      quantity: textIn(firstMatch(product, selectors.productQuantity), ORDER_LIMITS.quantity),
      price: textIn(firstMatch(product, selectors.productPrice), ORDER_LIMITS.price),
    }));
    return orderState({
      store: 'mercadolivre',
      shop: null,
      reference,
      // After the "|": "28 de novembro de 2026 14:03 hs.", the sales report's own wording.
      placedAt: shown(subtitle.includes('|') ? subtitle.slice(subtitle.indexOf('|') + 1) : null, ORDER_LIMITS.placedAt),
      total: rowValue(document, selectors.accountRow, ITEMS_PAID, ORDER_LIMITS.total),
      currency: null,
      status: textIn(firstMatch(document, selectors.status), ORDER_LIMITS.status),
      buyer: {
        name,
        email: null,
        phone: firstRead(allIn(document, selectors.detailLine), (line) => buyerPhone(line.textContent, name)),
        // Every alternative: the invoice card may be there without a CPF while the buyer card has one.
        cpf: firstRead(everyIn(document, selectors.invoiceData), (element) => documentIn(element.textContent)),
      },
      items: items.filter((item) => item.name),
    }, sale);
  },

  observeRoot: (document) => firstMatch(document, selectors.app) ?? document.body,
  composer: () => null,
  layoutRoot: (document) => firstMatch<HTMLElement>(document, selectors.app),
  isDark: () => false,
};
