/**
 * Mercado Livre sale detail selectors (https://www.mercadolivre.com.br/vendas/<sale id>/detalhe), alternatives in
 * order. The page's BEM class names (`sc-…`, "sales center") are what public seller scripts read from 2020 to
 * 2023: userscripts and extensions that copy a sale's buyer, CPF, items and amounts (see fixtures/venda.html for
 * which). They are not generated, but Mercado Livre has moved the page before, hence the fixtures.
 */
export const mercadolivreSelectors = {
  /** The app's root: narrowed to make room for the sidebar, and observed. */
  app: ['#root-app'],
  /** The line under the sale's title: "Venda #2000009876543210 | 28 de novembro de 2026 14:03 hs." */
  subtitle: ['.sc-detail-title__subtitle', '.sc-detail-title .sc-text'],
  /** The sale's status: "Entregue", "Cancelada", "A caminho"… */
  status: ['.sc-status__title'],
  /** The buyer's name, bold in the buyer card (their nickname follows it). */
  buyerName: ['.sc-buyer__content b', '.sc-buyer b'],
  /**
   * Where the CPF (or CNPJ) is written: the invoice data ("Dados para sua nota fiscal": "Ana Souza | CPF
   * 39053344705"), then the buyer card's line (2022 pages: "<nickname> | CPF …").
   */
  invoiceData: ['.sc-title-subtitle-action__account-', '.sc-buyer__content p'],
  /** Detail lines of the page's cards; the shipping one ends "Quem recebe: <name> - Tel.: <phone>". */
  detailLine: ['.sc-title-subtitle-action__sublabel'],
  /** One product of the sale (a cart sale, "1 pacote", has several). */
  product: ['.sc-product'],
  /** In a product: its title, quantity ("2 unidades") and unit price. */
  productName: ['.sc-title-subtitle-action__label', '.sc-title'],
  productQuantity: ['.sc-quantity'],
  productPrice: ['.sc-price'],
  /** The rows of the money card: "Produtos" (what the buyer paid for the items), fees, shipping, "Total" (net). */
  accountRow: ['.sc-account-rows__row'],
} as const;
