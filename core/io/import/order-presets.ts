import type { OrderField, OrderPresetId } from './types';

export type { OrderField };

/** How amounts are written: `comma` 1.234,56; `dot` 1,234.56; `auto` the core/money rule (the last separator followed by other than three digits is the decimal one). */
export type DecimalStyle = 'comma' | 'dot' | 'auto';

export interface OrderPreset {
  id: OrderPresetId;
  /** Header names (as `headerKey` writes them) that only this preset's files have together. Empty: matched by `columns`. */
  signature: readonly string[];
  columns: Readonly<Partial<Record<OrderField, readonly string[]>>>;
  decimal: DecimalStyle;
  /** One line per item: consecutive lines with the same order id are one order, its fields on the first line. */
  linePerItem: boolean;
  /** The sheet a spreadsheet export keeps its orders in. */
  sheet?: string;
  /** The currency every amount is in when the file says so in its headers (Mercado Livre's `(BRL)`). */
  currency?: string;
}

/*
 * The header row each preset expects, from /work/shared/reference/seller-exports.md (sources and confidence there):
 *
 * | preset       | header row (abridged)                                                                                          | confidence |
 * |--------------|----------------------------------------------------------------------------------------------------------------|------------|
 * | shopify      | Name,Email,Financial Status,Paid at,…,Currency,Subtotal,Shipping,Taxes,Total,…,Created at,Lineitem quantity,     | lead: third-party copy (a Rust importer); one line per item |
 * |              | Lineitem name,Lineitem price,…,Billing Name,…,Billing Phone,…,Shipping Phone,Notes,…,Cancelled at,…,Phone,…    |            |
 * | woocommerce  | Date,Order #,N. Revenue (formatted),Status,Customer,Customer type,Product(s),Items sold,Coupon(s),Net Sales,    | lead: WooCommerce source (Reports/Orders/Controller.php); no email or phone: orders join customers by name only |
 * |              | Attribution                                                                                                    |            |
 * | nuvemshop    | Número do Pedido,E-mail,Data,Status do Pedido,Status do Pagamento,Status do Envio,Moeda,Subtotal,Desconto,      | lead: third-party copy; dates DD/MM/YYYY HH:mm; one line per product (as Shopify) assumed |
 * |              | Valor do Frete,Total,Nome do comprador,CPF / CNPJ,Telefone,…,Nome do Produto,Valor do Produto,Quantidade Comprada,… |        |
 * | mercadolivre | XLSX sheet `Vendas BR`, header on row 6: N.º de venda,Data da venda,Estado,Unidades,Receita por produtos (BRL),… | lead: public parsers; column order not confirmed; total = Receita por produtos, not Total (BRL) after fees; |
 * |              | Total (BRL),…,Título do anúncio,…,Preço unitário de venda do anúncio (BRL),…,Comprador,CPF,…,Estado (buyer's)  | no phone or e-mail; dates `24 de março de 2026 22:36 hs.` in Brasília time |
 * | shopee       | XLSX sheet `orders`: ID do pedido,Nome de usuário (Comprador),Nome do Destinatário,Telefone,CPF do Comprador,…  | lead: partial, from parser code; the date, total, status and item columns (Data de criação do pedido, |
 * |              |                                                                                                                | Total global / Valor Total, Status do pedido, Nome do Produto, Quantidade, Preço acordado) are a guess |
 * | generic      | any header with a date and a total column: e.g. `data;cliente;telefone;total` (pt-BR tools use `;`)            | guess: common Brazilian names |
 */
export const ORDER_PRESETS: readonly OrderPreset[] = [
  {
    id: 'shopify',
    signature: ['name', 'financial status', 'lineitem name'],
    columns: {
      externalId: ['name'],
      placedAt: ['created at', 'paid at'],
      total: ['total'],
      currency: ['currency'],
      paymentStatus: ['financial status'],
      cancelledAt: ['cancelled at'],
      name: ['billing name', 'shipping name'],
      email: ['email'],
      phone: ['phone', 'billing phone', 'shipping phone'],
      itemName: ['lineitem name'],
      itemQuantity: ['lineitem quantity'],
      itemPrice: ['lineitem price'],
    },
    decimal: 'dot',
    linePerItem: true,
  },
  {
    id: 'woocommerce',
    signature: ['order #', 'n. revenue (formatted)'],
    columns: { externalId: ['order #'], placedAt: ['date'], total: ['n. revenue (formatted)', 'net sales'], status: ['status'], name: ['customer'] },
    decimal: 'auto',
    linePerItem: false,
  },
  {
    id: 'nuvemshop',
    signature: ['numero do pedido', 'status do pagamento', 'nome do comprador'],
    columns: {
      externalId: ['numero do pedido'],
      placedAt: ['data'],
      total: ['total'],
      currency: ['moeda'],
      status: ['status do pedido'],
      paymentStatus: ['status do pagamento'],
      cancelledAt: ['data e hora do cancelamento'],
      name: ['nome do comprador'],
      email: ['e-mail'],
      phone: ['telefone', 'telefone para a entrega'],
      cpf: ['cpf / cnpj'],
      itemName: ['nome do produto'],
      itemQuantity: ['quantidade comprada'],
      itemPrice: ['valor do produto'],
    },
    decimal: 'auto',
    linePerItem: true,
  },
  {
    id: 'mercadolivre',
    signature: ['n.o de venda', 'data da venda', 'receita por produtos (brl)'],
    columns: {
      externalId: ['n.o de venda'],
      placedAt: ['data da venda'],
      total: ['receita por produtos (brl)'],
      status: ['estado::1'],
      name: ['comprador'],
      cpf: ['cpf'],
      itemName: ['titulo do anuncio'],
      itemQuantity: ['unidades'],
      itemPrice: ['preco unitario de venda do anuncio (brl)'],
    },
    decimal: 'auto',
    linePerItem: false,
    sheet: 'Vendas BR',
    currency: 'BRL',
  },
  {
    id: 'shopee',
    signature: ['id do pedido', 'nome de usuario (comprador)'],
    columns: {
      externalId: ['id do pedido'],
      placedAt: ['data de criacao do pedido', 'hora do pagamento do pedido'],
      total: ['total global', 'valor total'],
      status: ['status do pedido'],
      name: ['nome do destinatario', 'nome de usuario (comprador)'],
      phone: ['telefone'],
      cpf: ['cpf do comprador'],
      itemName: ['nome do produto'],
      itemQuantity: ['quantidade'],
      itemPrice: ['preco acordado'],
    },
    decimal: 'auto',
    linePerItem: true,
    sheet: 'orders',
  },
  {
    id: 'generic',
    signature: [],
    columns: {
      // `N.º da encomenda` folds to `n.o da encomenda`, `Nº encomenda` to `no encomenda` (pt-PT).
      externalId: ['pedido', 'numero do pedido', 'n do pedido', 'id do pedido', 'encomenda', 'n.o da encomenda', 'no encomenda', 'n.o encomenda', 'order', 'order id', 'id', 'codigo'],
      placedAt: ['data', 'data do pedido', 'data da venda', 'date', 'order date', 'fecha', 'created at', 'criado em'],
      total: ['total', 'valor', 'valor total', 'total do pedido', 'order total', 'amount', 'importe', 'montante'],
      currency: ['moeda', 'currency', 'divisa'],
      status: ['status', 'situacao', 'estado', 'status do pedido'],
      name: ['nome', 'cliente', 'nome do cliente', 'comprador', 'name', 'customer', 'nombre'],
      email: ['e-mail', 'email', 'correo'],
      phone: ['telefone', 'celular', 'whatsapp', 'fone', 'telemovel', 'phone', 'telefono'],
      cpf: ['cpf', 'cpf/cnpj', 'cpf / cnpj'],
      itemList: ['itens', 'items', 'produtos', 'artigos', 'articulos'],
    },
    decimal: 'auto',
    linePerItem: false,
  },
];
