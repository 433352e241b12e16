/**
 * Nuvemshop admin order page selectors (https://<loja>.lojavirtualnuvem.com.br/admin/v2/orders/<id>), alternatives
 * in order. The admin is a React app built on Nuvemshop's Nimbus design system, whose components drop any class
 * the app passes and carry only generated ones (Card, Tag, Title in github.com/TiendaNube/nimbus-design-system,
 * packages/react/*): so we rely on headings, hrefs and the page's structure. No saved admin page was available to
 * check against: the structure is modelled (fixtures/order.html says on what); the URLs are seen in public code.
 */
export const nuvemshopSelectors = {
  /** The admin's React root: narrowed to make room for the sidebar, and observed. */
  app: ['#root', '#app'],
  /** The page title naming the order: "Venda #1042" (the help center calls the order number "número (#) da venda"). */
  heading: ['main h1'],
  /** The order's status tags in the title row (payment, shipping, "Cancelada" once cancelled): Nimbus Tags, plain divs. */
  statusTags: ['main h1 + div > div'],
  /** When the order was placed: the text below the title. */
  placedAt: ['main h1 ~ p'],
  /** The buyer's name, a link to their customer page; the admin moved from /admin/ to /admin/v2/ around 2023. */
  customerLink: ['main a[href^="/admin/v2/customers/"]', 'main a[href^="/admin/customers/"]'],
  /** A card's title (Nimbus Card.Header renders it as an h3): the customer card is the link's nearest ancestor with one. */
  cardTitle: ['h3', 'h2'],
  /** In the customer card: the e-mail link. */
  email: ['a[href^="mailto:"]'],
  /** In the customer card: the phone, as a tel: link or a WhatsApp link. */
  phone: ['a[href^="tel:"]', 'a[href^="https://wa.me/"]', 'a[href^="https://api.whatsapp.com/send"]'],
  /** In the customer card: the lines of text, one of which is "CPF/CNPJ: …" (Nimbus Text is a p). */
  cardLine: ['p'],
  /** Each product of the order links to its product page; the link's table row holds quantity and unit price. */
  productLink: ['main a[href^="/admin/v2/products/"]', 'main a[href^="/admin/products/"]'],
  /** The order summary below the products: Subtotal, Frete, Desconto, Total. */
  summaryRow: ['main tfoot tr'],
} as const;
