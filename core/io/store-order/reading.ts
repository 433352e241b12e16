import { z } from '../../zod';

/** The stores whose admin order pages the sidebar reads. Each is also an import preset of the same name. */
export const STORE_IDS = ['shopify', 'woocommerce', 'nuvemshop', 'mercadolivre'] as const;
export type StoreId = (typeof STORE_IDS)[number];

const shown = (max: number) => z.string().max(max).nullable();

/**
 * An order as a store's admin page shows it, read by the store's adapter in the content script: every field is
 * the page's own text (or a machine-readable attribute of it, such as a `datetime`), untrusted and not yet
 * understood; null where the page does not show it. The sidebar frame checks it against this schema, then reads
 * it with the import's readers (amounts, dates in the seller's zone, contacts, status words): one reading of
 * sellers' data, whether it comes from a file or a page. The content script imports only the type.
 */
export const storeOrderReadingSchema = z.object({
  store: z.enum(STORE_IDS),
  /** The shop the page belongs to, as its URL names it (Shopify's store handle, a WooCommerce shop's host…). */
  shop: shown(200),
  /** The store's own order number or id as shown ("#1001", "4321", a Mercado Livre sale id). */
  reference: shown(100),
  /** When the order was placed: an ISO instant when the page has one, else its text ("29/11/2026 14:03"). */
  placedAt: shown(100),
  /** The order's total as shown ("R$ 1.234,56"). */
  total: shown(100),
  /** An ISO 4217 code when the page states one apart from the total; else the total's symbol decides. */
  currency: shown(10),
  /** The store's word for the order's state as shown ("Pago", "Cancelado", "wc-completed"). */
  status: shown(100),
  buyer: z.object({ name: shown(200), email: shown(200), phone: shown(100), cpf: shown(100) }),
  /** The order's lines: a product's name, its quantity ("2", "× 2") and its unit price ("R$ 50,00") as shown. */
  items: z.array(z.object({ name: z.string().max(300), quantity: shown(50), price: shown(100) })).max(200),
});
export type StoreOrderReading = z.infer<typeof storeOrderReadingSchema>;
