import type { SiteExpectations } from './expectations';
import { instagramExpectations } from './instagram/expectations';
import { marketplaceExpectations } from './marketplace/expectations';
import { mercadolivreExpectations } from './mercadolivre/expectations';
import { messengerExpectations } from './messenger/expectations';
import { shopifyExpectations } from './shopify/expectations';
import { nuvemshopExpectations } from './nuvemshop/expectations';
import { telegramExpectations } from './telegram/expectations';
import { whatsappExpectations } from './whatsapp/expectations';
import { wooCommerceExpectations } from './woocommerce/expectations';
import { instagramSelectors } from './instagram/selectors';
import { marketplaceSelectors } from './marketplace/selectors';
import { mercadolivreSelectors } from './mercadolivre/selectors';
import { messengerSelectors } from './messenger/selectors';
import { shopifySelectors } from './shopify/selectors';
import { nuvemshopSelectors } from './nuvemshop/selectors';
import { telegramSelectors } from './telegram/selectors';
import { whatsappSelectors } from './whatsapp/selectors';
import { wooCommerceSelectors } from './woocommerce/selectors';

/** Every site's expectations with its selectors, for the tests (unit and end-to-end); never bundled. */
export const SITES: readonly { expectations: SiteExpectations; selectors: Record<string, readonly string[]> }[] = [
  { expectations: whatsappExpectations, selectors: whatsappSelectors },
  { expectations: instagramExpectations, selectors: instagramSelectors },
  { expectations: messengerExpectations, selectors: messengerSelectors },
  { expectations: marketplaceExpectations, selectors: marketplaceSelectors },
  { expectations: telegramExpectations, selectors: telegramSelectors },
  { expectations: shopifyExpectations, selectors: shopifySelectors },
  { expectations: wooCommerceExpectations, selectors: wooCommerceSelectors },
  { expectations: nuvemshopExpectations, selectors: nuvemshopSelectors },
  { expectations: mercadolivreExpectations, selectors: mercadolivreSelectors },
];
