import { instagramAdapter } from './instagram';
import { marketplaceAdapter } from './marketplace';
import { mercadolivreAdapter } from './mercadolivre';
import { messengerAdapter } from './messenger';
import { shopifyAdapter } from './shopify';
import { nuvemshopAdapter } from './nuvemshop';
import { telegramAdapter } from './telegram';
import type { SiteAdapter } from './types';
import { whatsappAdapter } from './whatsapp';
import { wooCommerceAdapter } from './woocommerce';

/** Every host site Clientela serves. The content script's `matches` and the manifest follow this list. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [whatsappAdapter, instagramAdapter, messengerAdapter, marketplaceAdapter, telegramAdapter, shopifyAdapter, wooCommerceAdapter, nuvemshopAdapter, mercadolivreAdapter];

/**
 * Match patterns of the served sites, for the manifest (no <all_urls>, ever). A shop on its own domain
 * (WooCommerce) is not here: its content script is registered for the domain the seller grants.
 */
export const SITE_MATCHES = [
  'https://web.whatsapp.com/*',
  'https://www.instagram.com/*',
  'https://www.messenger.com/*',
  'https://www.facebook.com/messages/*',
  'https://web.facebook.com/messages/*',
  'https://www.facebook.com/marketplace/*',
  'https://web.facebook.com/marketplace/*',
  'https://web.telegram.org/*',
  'https://admin.shopify.com/store/*',
  'https://*.lojavirtualnuvem.com.br/admin/*',
  'https://www.mercadolivre.com.br/vendas/*',
];

/** The adapter serving `url`, or null (any other page: the sidebar opens in search mode). */
export function adapterFor(url: URL): SiteAdapter | null {
  return SITE_ADAPTERS.find((adapter) => adapter.matches(url)) ?? null;
}
