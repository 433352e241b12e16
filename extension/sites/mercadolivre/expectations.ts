import type { StoreOrderReading } from '../../../core';
import type { SiteExpectations } from '../expectations';

const SALES = 'https://www.mercadolivre.com.br/vendas';
const ANA = `${SALES}/2000009876543210/detalhe`;
const CARLA = `${SALES}/2000009876543211/detalhe`;
const MARCOS = `${SALES}/2000009876543212/detalhe`;
const JULIA = `${SALES}/2000009876543213/detalhe`;
const FIXTURES = 'extension/sites/mercadolivre/fixtures';

const sale = (reading: Partial<StoreOrderReading> & Pick<StoreOrderReading, 'reference' | 'buyer' | 'items'>): { status: 'order'; order: StoreOrderReading } => ({
  status: 'order',
  order: { store: 'mercadolivre', shop: null, placedAt: null, total: null, currency: null, status: null, ...reading },
});
const anaItems = [
  { name: 'Camiseta básica algodão', quantity: '2 unidades', price: 'R$ 59,90' },
  { name: 'Boné aba curva bordado', quantity: '1 unidade', price: 'R$ 69,90' },
];
// The phone on Ana's shipping is masked ("(11) *****-4321"): no identity, so null.
const ana = { name: 'Ana Souza', email: null, phone: null, cpf: '39053344705' };

export const mercadolivreExpectations: SiteExpectations = {
  site: 'mercadolivre',
  urls: {
    serves: [ANA, `${SALES}/omni/lista`, `${SALES}/novo/mensagens/2000009876543210`],
    refuses: [
      'http://www.mercadolivre.com.br/vendas/2000009876543210/detalhe',
      'https://www.mercadolivre.com.br.evil.io/vendas/2000009876543210/detalhe',
      'https://mercadolivre.com.br/vendas/2000009876543210/detalhe',
      'https://www.mercadolivre.com.br/',
      'https://www.mercadolivre.com.br/vendas',
      'https://www.mercadolivre.com.br/vendasx/2000009876543210/detalhe',
      'https://produto.mercadolivre.com.br/MLB-1234567890-camiseta-basica-algodao-_JM',
      'https://www.mercadolibre.com.ar/ventas/2000009876543210/detalle',
    ],
  },
  fixtures: [
    {
      file: 'venda.html',
      url: ANA,
      expect: sale({ reference: '2000009876543210', placedAt: '28 de novembro de 2026 14:03 hs.', total: 'R$ 189,70', status: 'Entregue', buyer: ana, items: anaItems }),
      // productName: the two products', and the buyer and shipping cards' labels. detailLine: two products and the shipping.
      selectorCounts: {
        app: 1,
        subtitle: 1,
        status: 1,
        buyerName: 1,
        invoiceData: 1,
        detailLine: 3,
        product: 2,
        productName: 4,
        productQuantity: 2,
        productPrice: 2,
        accountRow: 4,
      },
    },
    {
      file: 'venda.html',
      url: `${ANA}?status=cancelled`,
      expect: sale({ reference: '2000009876543210', placedAt: '28 de novembro de 2026 14:03 hs.', total: 'R$ 189,70', status: 'Cancelada', buyer: ana, items: anaItems }),
      selectorCounts: { status: 1 },
    },
    {
      // Mercado Envios Flex: the seller delivers, so the receiver's phone is shown in full. No invoice data yet.
      file: 'venda.html',
      url: CARLA,
      expect: sale({
        reference: '2000009876543211',
        placedAt: '29 de novembro de 2026 09:41 hs.',
        total: 'R$ 120,00',
        status: 'A caminho',
        buyer: { name: 'Carla Dias', email: null, phone: '(21) 99876-5432', cpf: null },
        items: [{ name: 'Bolsa de palha média', quantity: '1 unidade', price: 'R$ 120,00' }],
      }),
      selectorCounts: { invoiceData: 0, detailLine: 2, product: 1, accountRow: 3 },
    },
    {
      // Name and nickname only: the phone and the CPF are masked, so nothing identifies the buyer.
      file: 'venda.html',
      url: MARCOS,
      expect: sale({
        reference: '2000009876543212',
        placedAt: '30 de novembro de 2026 16:40 hs.',
        total: 'R$ 45,00',
        status: 'Pagamento aprovado',
        buyer: { name: 'Marcos Lima', email: null, phone: null, cpf: null },
        items: [{ name: 'Chaveiro artesanal', quantity: '3 unidades', price: 'R$ 15,00' }],
      }),
      // invoiceData: no invoice card, so the buyer card's line (with the masked CPF) is the first alternative that matches.
      selectorCounts: { invoiceData: 1, detailLine: 2 },
    },
    {
      // A gift: the phone shown is the receiver's (Pedro), not the buyer's, so it is not hers.
      file: 'venda.html',
      url: JULIA,
      expect: sale({
        reference: '2000009876543213',
        placedAt: '1 de dezembro de 2026 11:20 hs.',
        total: 'R$ 70,00',
        status: 'Entregue',
        buyer: { name: 'Júlia Rocha', email: null, phone: null, cpf: '52998224725' },
        items: [{ name: 'Caneca de cerâmica', quantity: '2 unidades', price: 'R$ 35,00' }],
      }),
      selectorCounts: { invoiceData: 1, detailLine: 2 },
    },
    {
      file: 'lista.html',
      url: `${SALES}/omni/lista`,
      expect: { status: 'no-chat' },
      selectorCounts: { app: 1, subtitle: 0, status: 2, buyerName: 0, product: 0, accountRow: 0 },
    },
    { file: 'broken.html', url: ANA, expect: { status: 'undetected' }, selectorCounts: { app: 1, subtitle: 0, buyerName: 0, invoiceData: 0, product: 0 } },
  ],
  store: {
    routes: [`${SALES}/**`],
    // Mercado Livre shows no buyer e-mail: the order is known by the CPF of its invoice data.
    order: { fixture: `${FIXTURES}/venda.html`, url: ANA, buyerName: 'Ana Souza', cpf: '39053344705' },
    changedStatus: { fixture: `${FIXTURES}/venda.html`, url: `${ANA}?status=cancelled`, status: 'cancelled' },
    noEmail: { fixture: `${FIXTURES}/venda.html`, url: CARLA, buyerName: 'Carla Dias', phone: '(21) 99876-5432' },
    noIdentity: { fixture: `${FIXTURES}/venda.html`, url: MARCOS },
    broken: { fixture: `${FIXTURES}/broken.html`, url: ANA },
  },
};
