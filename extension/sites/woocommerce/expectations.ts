import type { StoreOrderReading } from '../../../core';
import type { SiteExpectations } from '../expectations';

const ORIGIN = 'https://loja-da-ana.com.br';
const CLASSIC = `${ORIGIN}/wp-admin/post.php?post=1234&action=edit`;
const hpos = (id: number) => `${ORIGIN}/wp-admin/admin.php?page=wc-orders&action=edit&id=${id}`;
const ORDER_EDIT = 'extension/sites/woocommerce/fixtures/order-edit.html';

const ana: StoreOrderReading = {
  store: 'woocommerce',
  shop: 'loja-da-ana.com.br',
  reference: '1234',
  placedAt: '2026-11-29 14:03:27',
  total: 'R$ 278,30',
  currency: null,
  status: 'wc-processing',
  buyer: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '(11) 98765-4321', cpf: '123.456.789-09' },
  items: [
    { name: 'Vestido midi floral - M', quantity: '1', price: 'R$ 189,90' },
    { name: 'Brinco de argola dourado', quantity: '2', price: 'R$ 34,95' },
  ],
};

/** Every selector on the classic screen of order 1234; the HPOS screen differs only in how it says it edits an order. */
const ORDER_COUNTS = {
  wrap: 1,
  content: 1,
  classicOrderScreen: 1,
  orderData: 1,
  heading: 1,
  date: 1,
  hour: 1,
  minute: 1,
  second: 1,
  status: 1,
  names: 2,
  shownAddress: 2,
  email: 1,
  phone: 1,
  cpf: 1,
  items: 2,
  itemName: 2,
  itemQuantity: 2,
  itemPrice: 2,
  total: 1,
};

export const wooCommerceExpectations: SiteExpectations = {
  site: 'woocommerce',
  urls: {
    serves: [
      CLASSIC,
      hpos(1234),
      `${ORIGIN}/wp-admin/admin.php?page=wc-orders`,
      `${ORIGIN}/wp-admin/admin.php?page=wc-orders&status=wc-processing&paged=2`,
      `${ORIGIN}/wp-admin/edit.php?post_type=shop_order`,
      // post.php edits every post type: served, and detect says whether it is an order.
      `${ORIGIN}/wp-admin/post.php?post=301&action=edit`,
      // WordPress installed in a folder, and a shop on the seller's own machine.
      `${ORIGIN}/loja/wp-admin/post.php?post=1234&action=edit`,
      'http://localhost:8080/wp-admin/admin.php?page=wc-orders&action=edit&id=7',
    ],
    refuses: [
      'http://loja-da-ana.com.br/wp-admin/post.php?post=1234&action=edit',
      'http://localhost.evil.io/wp-admin/post.php?post=1234&action=edit',
      `${ORIGIN}/wp-admin/post.php?post=1234`,
      `${ORIGIN}/wp-admin/post.php?post=abc&action=edit`,
      `${ORIGIN}/wp-admin/post-new.php?post_type=shop_order`,
      `${ORIGIN}/wp-admin/edit.php`,
      `${ORIGIN}/wp-admin/admin.php?page=wc-settings`,
      `${ORIGIN}/wp-admin/admin.php?page=wc-orders--shop_subscription&action=edit&id=9`,
      `${ORIGIN}/wp-admin/post.php.bak?post=1234&action=edit`,
      `${ORIGIN}/post.php?post=1234&action=edit`,
      `${ORIGIN}/?next=/wp-admin/post.php&post=1234&action=edit`,
    ],
  },
  fixtures: [
    { file: 'order-edit.html', url: CLASSIC, expect: { status: 'order', order: ana }, selectorCounts: ORDER_COUNTS },
    { file: 'order-edit.html', url: `${CLASSIC}&status=cancelled`, expect: { status: 'order', order: { ...ana, status: 'wc-cancelled' } }, selectorCounts: { status: 1 } },
    { file: 'order-edit.html', url: hpos(1234), expect: { status: 'order', order: ana }, selectorCounts: { ...ORDER_COUNTS, classicOrderScreen: 0 } },
    {
      file: 'order-edit.html',
      url: hpos(1235),
      expect: {
        status: 'order',
        order: {
          ...ana,
          reference: '1235',
          placedAt: '2026-11-30 09:41:05',
          total: 'R$ 368,70',
          status: 'wc-completed',
          buyer: { name: 'Carla Mendes', email: null, phone: '(21) 99876-5432', cpf: '987.654.321-00' },
          items: [
            { name: 'Camiseta básica algodão - P', quantity: '3', price: 'R$ 49,90' },
            { name: 'Bolsa tiracolo couro', quantity: '1', price: 'R$ 219,00' },
          ],
        },
      },
      // The billing e-mail input is there, empty; no mailto: link.
      selectorCounts: { email: 1, phone: 1, items: 2 },
    },
    {
      file: 'order-edit.html',
      url: hpos(1236),
      // Entered at the counter with a name only: the order reads, and names nobody the book could find.
      expect: {
        status: 'order',
        order: {
          ...ana,
          reference: '1236',
          placedAt: '2026-11-30 16:20:00',
          total: 'R$ 105,00',
          status: 'wc-completed',
          buyer: { name: 'Marta Ribeiro', email: null, phone: null, cpf: null },
          items: [
            { name: 'Vale-presente', quantity: '1', price: 'R$ 100,00' },
            { name: 'Embalagem para presente', quantity: '1', price: 'R$ 5,00' },
          ],
        },
      },
      selectorCounts: { names: 2, shownAddress: 1, items: 2, itemName: 2 },
    },
    { file: 'orders-list.html', url: `${ORIGIN}/wp-admin/admin.php?page=wc-orders`, expect: { status: 'no-chat' }, selectorCounts: { wrap: 1, orderData: 0, items: 0 } },
    { file: 'orders-list.html', url: `${ORIGIN}/wp-admin/edit.php?post_type=shop_order`, expect: { status: 'no-chat' } },
    { file: 'product-edit.html', url: `${ORIGIN}/wp-admin/post.php?post=301&action=edit`, expect: { status: 'no-chat' }, selectorCounts: { classicOrderScreen: 0, orderData: 0 } },
    { file: 'broken.html', url: hpos(1234), expect: { status: 'undetected' }, selectorCounts: { wrap: 1, content: 1, orderData: 0, heading: 0, names: 0, items: 0, total: 0 } },
  ],
  store: {
    routes: [`${ORIGIN}/wp-admin/**`],
    order: { fixture: ORDER_EDIT, url: CLASSIC, buyerName: 'Ana Souza', email: 'ana.souza@example.com' },
    changedStatus: { fixture: ORDER_EDIT, url: `${CLASSIC}&status=cancelled`, status: 'cancelled' },
    noEmail: { fixture: ORDER_EDIT, url: hpos(1235), buyerName: 'Carla Mendes', phone: '(21) 99876-5432' },
    noIdentity: { fixture: ORDER_EDIT, url: hpos(1236) },
    broken: { fixture: 'extension/sites/woocommerce/fixtures/broken.html', url: hpos(1234) },
    customDomain: { origin: ORIGIN },
  },
};
