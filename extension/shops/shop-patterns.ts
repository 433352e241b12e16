import { wooCommerceMatches } from '../sites/woocommerce';

/**
 * The most a seller's shop can be granted: one https origin at a time, asked at run time from Configurações
 * (`optional_host_permissions` on Chrome, `optional_permissions` on Firefox MV2). Never granted at install.
 */
export const SHOP_ORIGINS = 'https://*/*';

/** The host permission asked for one shop: its whole origin (`https://loja.com.br/*`). */
export function shopPermission(origin: string): string {
  return `${origin}/*`;
}

/**
 * The pages of a shop on the seller's own domain where the sidebar runs: WooCommerce's order screens and lists,
 * as the WooCommerce adapter names them (`wooCommerceMatches`), not every admin page. The content script picks the
 * adapter by URL, as on the fixed hosts.
 */
export function shopMatches(origin: string): string[] {
  return wooCommerceMatches(origin);
}
