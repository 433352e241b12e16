/**
 * Shopify admin order page selectors (admin.shopify.com/store/<handle>/orders/<id>), alternatives in order. The
 * admin is a React app built on Polaris: Polaris's own classes (`Polaris-Header-Title`, `Polaris-Badge`,
 * `Polaris-Text--bodySm`) are not hashed, and a public Selenium suite run against the admin selects them (the order
 * name in `h1.Polaris-Header-Title span`, the status in a `Polaris-Badge`'s `Polaris-Text--bodySm`); some Polaris
 * element classes carry a build suffix (`Polaris-Page-Header__Row_375v7`), hence the `[class*=…]` forms; the
 * admin's own components have CSS-module classes (`_ProductDetails_pqnpf_4`) that we never use. Otherwise we rely
 * on the admin's routes in hrefs (`/customers/<id>`, `/products/<id>`), a mailto: link and a phone's printed form.
 * The layout follows Polaris's Frame (main#AppFrameMain), Page header (title, titleMetadata badges,
 * additionalMetadata) and Card (ShadowBevel) sources; fixtures/admin.html models the order page on them (a model:
 * no saved admin page was at hand). Labels (card headings, "Total") are in `shopifyLabels`.
 */
export const shopifySelectors = {
  /** The app frame around top bar, navigation and content (Polaris Frame): narrowed for the sidebar. */
  frame: ['div.Polaris-Frame', 'div[class*="Polaris-Frame"][data-has-navigation]'],
  /** The page's content region: Polaris Frame's `<main id="AppFrameMain">`, else any main. */
  main: ['#AppFrameMain', 'main'],
  /** The page title: the order's name ("#1001") on an order page. */
  title: ['h1.Polaris-Header-Title', 'h1[class*="Polaris-Header-Title"]'],
  /** Badges beside the title (payment, fulfillment, cancelled, archived): the visible word, not the hidden label. */
  statusBadges: ['[class*="Polaris-Page-Header"] .Polaris-Badge .Polaris-Text--bodySm', '[class*="Polaris-Page-Header"] .Polaris-Badge'],
  /** The line under the title: "29 de novembro de 2026 às 14:03 de Loja virtual" (date, then the sales channel). */
  placedAt: ['[class*="Polaris-Page-Header__AdditionalMetaData"]'],
  /** A card (Polaris Card renders a ShadowBevel since v12; LegacyCard before). */
  card: ['.Polaris-ShadowBevel', '.Polaris-LegacyCard'],
  /** Card headings (Polaris Text as h2/h3): the customer card is found by its heading, or by its link. */
  cardHeading: ['h2', 'h3'],
  /** Links to a customer's page (route /store/<handle>/customers/<id>; the navigation's list link has no id). */
  customerLink: ['a[href*="/customers/"]'],
  /** The buyer's e-mail link in the customer card (the phone is plain text: see PHONE_TEXT in index.ts). */
  email: ['a[href^="mailto:"]'],
  /** Links to a line item's product (route /store/<handle>/products/<id>). */
  productLink: ['a[href*="/products/"]'],
} as const;

/** Words the order page shows, in the admin's languages we know (pt-BR first). */
export const shopifyLabels = {
  /** The customer card's heading ("Cliente"): found even when the order has no customer ("Nenhum cliente"). */
  customerHeading: ['Cliente', 'Customer'],
  /** The payment card's total row label: the same word in pt, es and en. */
  total: ['Total'],
} as const;
