import type { StoreOrderReading } from '../../../core';
import type { SiteExpectations } from '../expectations';

const SHOP = 'https://lojadabia.lojavirtualnuvem.com.br';
const ORDERS = `${SHOP}/admin/v2/orders`;
const ANA = `${ORDERS}/1654321987`;
const CARLA = `${ORDERS}/1654321988`;
const MARCOS = `${ORDERS}/1654321989`;
const FIXTURES = 'extension/sites/nuvemshop/fixtures';

const order = (reading: Partial<StoreOrderReading> & Pick<StoreOrderReading, 'reference' | 'buyer' | 'items'>): { status: 'order'; order: StoreOrderReading } => ({
  status: 'order',
  order: { store: 'nuvemshop', shop: 'lojadabia', placedAt: null, total: null, currency: null, status: null, ...reading },
});
const anaItems = [
  { name: 'Vestido midi floral', quantity: '2', price: 'R$ 89,90' },
  { name: 'Cinto de couro caramelo', quantity: '1', price: 'R$ 49,90' },
];
const ana = { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '(11) 98765-4321', cpf: '390.533.447-05' };

export const nuvemshopExpectations: SiteExpectations = {
  site: 'nuvemshop',
  urls: {
    // The whole admin: it is a single-page app, so the order page is often reached without a page load.
    serves: [ORDERS, ANA, `${SHOP}/admin/orders/1654321987`, `${SHOP}/admin/v2/dashboard`, 'https://minha-loja-2.lojavirtualnuvem.com.br/admin/v2/orders/1'],
    refuses: [
      `http://lojadabia.lojavirtualnuvem.com.br/admin/v2/orders/1654321987`,
      `${SHOP}/`,
      `${SHOP}/produtos/vestido-midi-floral/`,
      `${SHOP}/administrador/`,
      'https://lojadabia.lojavirtualnuvem.com.br.evil.io/admin/v2/orders/1654321987',
      'https://evil-lojavirtualnuvem.com.br/admin/v2/orders/1654321987',
      'https://lojavirtualnuvem.com.br/admin/v2/orders/1654321987',
      'https://www.nuvemshop.com.br/admin/v2/orders/1654321987',
    ],
  },
  fixtures: [
    {
      file: 'order.html',
      url: ANA,
      expect: order({ reference: '1042', placedAt: '28/11/2026 14:03', total: 'R$ 249,60', status: 'Pago · Enviado', buyer: ana, items: anaItems }),
      // email: the support link in the menu and the buyer's (only the customer card's is read). cardLine: every p.
      selectorCounts: { app: 1, heading: 1, statusTags: 2, placedAt: 1, customerLink: 1, cardTitle: 4, email: 2, phone: 1, cardLine: 9, productLink: 2, summaryRow: 3 },
    },
    {
      file: 'order.html',
      url: `${ANA}?status=cancelled`,
      expect: order({ reference: '1042', placedAt: '28/11/2026 14:03', total: 'R$ 249,60', status: 'Cancelada · Estornado', buyer: ana, items: anaItems }),
      selectorCounts: { statusTags: 2 },
    },
    {
      // A point-of-sale sale: the buyer left a WhatsApp number and no e-mail.
      file: 'order.html',
      url: CARLA,
      expect: order({
        reference: '1043',
        placedAt: '29/11/2026 10:15',
        total: 'R$ 120,00',
        status: 'Pago · Entregue',
        buyer: { name: 'Carla Dias', email: null, phone: '(21) 99876-5432', cpf: null },
        items: [{ name: 'Bolsa de palha', quantity: '1', price: 'R$ 120,00' }],
      }),
      selectorCounts: { customerLink: 1, email: 1, phone: 1, cardLine: 5, productLink: 1, summaryRow: 2 },
    },
    {
      // Only a name: nothing identifies the buyer, so the sidebar may save nothing.
      file: 'order.html',
      url: MARCOS,
      expect: order({
        reference: '1044',
        placedAt: '30/11/2026 16:40',
        total: 'R$ 45,00',
        status: 'Pago · Entregue',
        buyer: { name: 'Marcos Lima', email: null, phone: null, cpf: null },
        items: [{ name: 'Chaveiro artesanal', quantity: '3', price: 'R$ 15,00' }],
      }),
      selectorCounts: { customerLink: 1, email: 1, phone: 0, cardLine: 4 },
    },
    {
      file: 'list.html',
      url: ORDERS,
      expect: { status: 'no-chat' },
      selectorCounts: { app: 1, heading: 1, statusTags: 0, placedAt: 0, customerLink: 0, productLink: 0, summaryRow: 0 },
    },
    { file: 'broken.html', url: ANA, expect: { status: 'undetected' }, selectorCounts: { heading: 1, statusTags: 0, customerLink: 0, cardTitle: 1 } },
  ],
  store: {
    routes: [`${SHOP}/admin/**`],
    order: { fixture: `${FIXTURES}/order.html`, url: ANA, buyerName: 'Ana Souza', email: 'ana.souza@example.com' },
    changedStatus: { fixture: `${FIXTURES}/order.html`, url: `${ANA}?status=cancelled`, status: 'cancelled' },
    noEmail: { fixture: `${FIXTURES}/order.html`, url: CARLA, buyerName: 'Carla Dias', phone: '(21) 99876-5432' },
    noIdentity: { fixture: `${FIXTURES}/order.html`, url: MARCOS },
    broken: { fixture: `${FIXTURES}/broken.html`, url: ANA },
  },
};
