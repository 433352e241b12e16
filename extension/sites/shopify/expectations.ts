import type { StoreOrderReading } from '../../../core';
import type { SiteExpectations } from '../expectations';

const STORE = 'https://admin.shopify.com/store/loja-da-ana';
const ORDER = `${STORE}/orders/5551234567890`;
const PHONE_ONLY = `${STORE}/orders/5551234567891`;
const NO_CUSTOMER = `${STORE}/orders/5551234567892`;
const ADMIN = 'extension/sites/shopify/fixtures/admin.html';
const BROKEN = 'extension/sites/shopify/fixtures/broken.html';

const ana: StoreOrderReading = {
  store: 'shopify',
  shop: 'loja-da-ana',
  reference: '#1001',
  placedAt: '29 de novembro de 2026 às 14:03',
  total: 'R$ 278,30',
  currency: null,
  status: 'Pago · Não processado',
  buyer: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '+55 11 98765-4321', cpf: null },
  items: [
    { name: 'Vestido midi floral', quantity: '1', price: 'R$ 189,90' },
    { name: 'Brinco de argola dourado', quantity: '2', price: 'R$ 34,95' },
  ],
};

export const shopifyExpectations: SiteExpectations = {
  site: 'shopify',
  urls: {
    serves: [ORDER, `${STORE}/orders`, STORE, `${STORE}/customers/7012345678901`, 'https://admin.shopify.com/store/outra-loja-2/orders/1'],
    refuses: [
      `http://admin.shopify.com/store/loja-da-ana/orders/5551234567890`,
      'https://admin.shopify.com.evil.io/store/loja-da-ana/orders/5551234567890',
      'https://evil.io/admin.shopify.com/store/loja-da-ana/orders/5551234567890',
      'https://loja-da-ana.myshopify.com/admin/orders/5551234567890',
      'https://admin.shopify.com/',
      'https://admin.shopify.com/stores',
      'https://accounts.shopify.com/store/loja-da-ana',
    ],
  },
  fixtures: [
    {
      file: 'admin.html',
      url: ORDER,
      expect: { status: 'order', order: ana },
      // The navigation's "Clientes" and "Produtos" links end in /customers and /products: not counted. cardHeading:
      // the h2 of each card (fulfillment, payment, timeline, notes, customer, tags).
      selectorCounts: { frame: 1, main: 1, title: 1, statusBadges: 2, placedAt: 1, card: 6, cardHeading: 6, customerLink: 1, email: 1, productLink: 2 },
    },
    {
      file: 'admin.html',
      url: `${ORDER}?status=cancelled`,
      expect: { status: 'order', order: { ...ana, status: 'Cancelado · Reembolsado · Não processado' } },
      selectorCounts: { statusBadges: 3 },
    },
    {
      file: 'admin.html',
      url: PHONE_ONLY,
      expect: {
        status: 'order',
        order: {
          ...ana,
          reference: '#1002',
          placedAt: '30 de novembro de 2026 às 09:41',
          total: 'R$ 368,70',
          status: 'Pago · Processado',
          buyer: { name: 'Bruno Lima', email: null, phone: '+55 21 99876-5432', cpf: null },
          items: [
            { name: 'Camiseta básica algodão', quantity: '3', price: 'R$ 49,90' },
            { name: 'Bolsa tiracolo couro', quantity: '1', price: 'R$ 219,00' },
          ],
        },
      },
      selectorCounts: { email: 0, customerLink: 1 },
    },
    {
      file: 'admin.html',
      url: NO_CUSTOMER,
      // A point-of-sale sale with no customer: the order reads, its buyer is nobody.
      expect: {
        status: 'order',
        order: {
          ...ana,
          reference: '#1003',
          placedAt: '30 de novembro de 2026 às 16:20',
          total: 'R$ 104,00',
          status: 'Pago · Processado',
          buyer: { name: null, email: null, phone: null, cpf: null },
          items: [
            { name: 'Lenço de seda estampado', quantity: '1', price: 'R$ 79,00' },
            { name: 'Presilha de cabelo', quantity: '2', price: 'R$ 12,50' },
          ],
        },
      },
      selectorCounts: { customerLink: 0, email: 0, cardHeading: 6 },
    },
    { file: 'admin.html', url: `${STORE}/orders`, expect: { status: 'no-chat' }, selectorCounts: { title: 1, statusBadges: 0, placedAt: 0 } },
    { file: 'broken.html', url: ORDER, expect: { status: 'undetected' }, selectorCounts: { frame: 1, main: 1, title: 0, card: 0, cardHeading: 0, customerLink: 0, productLink: 0 } },
  ],
  store: {
    routes: [`${STORE}/**`],
    order: { fixture: ADMIN, url: ORDER, buyerName: 'Ana Souza', email: 'ana.souza@example.com' },
    changedStatus: { fixture: ADMIN, url: `${ORDER}?status=cancelled`, status: 'cancelled' },
    noEmail: { fixture: ADMIN, url: PHONE_ONLY, buyerName: 'Bruno Lima', phone: '+55 21 99876-5432' },
    noIdentity: { fixture: ADMIN, url: NO_CUSTOMER },
    broken: { fixture: BROKEN, url: ORDER },
  },
};
