import type { OrderStatus } from '../../model';

/** What a platform's status word says: one of the model's statuses, an order not paid (yet), or nothing known. */
export type StatusReading = OrderStatus | 'unpaid' | null;

// Word stems (lower case, accents folded), checked in this order: "Pagamento pendente" and "Não pago" are unpaid
// before "pago" is paid; Shopify's "partially_refunded" is an order that stands. pt-BR, pt-PT, es and en, and the
// raw values Shopify (financial status) and WooCommerce (wc-…) write.
const RULES: readonly [string, StatusReading][] = [
  ['partially_refunded', 'paid'],
  ['partially refunded', 'paid'],
  ['parcialmente reembolsado', 'paid'],
  ['cancel', 'cancelled'],
  ['anulad', 'cancelled'],
  ['void', 'cancelled'],
  ['reembols', 'refunded'],
  ['refund', 'refunded'],
  ['devol', 'refunded'],
  ['estorn', 'refunded'],
  ['chargeback', 'refunded'],
  ['pendente', 'unpaid'],
  ['pending', 'unpaid'],
  ['pendiente', 'unpaid'],
  ['aguardando', 'unpaid'],
  ['on-hold', 'unpaid'],
  ['on hold', 'unpaid'],
  ['nao pago', 'unpaid'],
  ['unpaid', 'unpaid'],
  ['failed', 'unpaid'],
  ['malsucedid', 'unpaid'],
  ['recusad', 'unpaid'],
  ['abandon', 'unpaid'],
  ['expired', 'unpaid'],
  ['draft', 'unpaid'],
  ['pago', 'paid'],
  ['paga', 'paid'],
  ['paid', 'paid'],
  ['authorized', 'paid'],
  ['aprovad', 'paid'],
  ['approved', 'paid'],
  ['complet', 'paid'],
  ['conclu', 'paid'],
  ['entregue', 'paid'],
  ['enviad', 'paid'],
  ['a caminho', 'paid'],
  ['a enviar', 'paid'],
  ['pronto', 'paid'],
  ['processing', 'paid'],
  ['processando', 'paid'],
  ['delivered', 'paid'],
  ['shipped', 'paid'],
  ['fechado', 'paid'],
  ['recebido', 'paid'],
  ['faturad', 'paid'],
];

const readings = new Map<string, StatusReading>();

/** The reading of one status cell; kept per distinct word, since a file repeats a handful of them. */
export function readStatusWord(text: string): StatusReading {
  let reading = readings.get(text);
  if (reading === undefined) {
    const folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
    reading = folded === '' ? null : (RULES.find(([stem]) => folded.includes(stem))?.[1] ?? null);
    if (readings.size < 10_000) readings.set(text, reading);
  }
  return reading;
}

/**
 * The order's status from its status cells (order status, payment status) and whether a cancellation date is set:
 * any cancellation wins, then a refund, then paid; unpaid only when nothing says paid.
 */
export function combineStatus(orderWord: string, paymentWord: string, cancelled: boolean): StatusReading {
  if (cancelled) return 'cancelled';
  const order = readStatusWord(orderWord);
  const payment = readStatusWord(paymentWord);
  for (const status of ['cancelled', 'refunded', 'paid', 'unpaid'] as const) if (order === status || payment === status) return status;
  return null;
}
