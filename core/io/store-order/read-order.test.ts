import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../model';
import { readStoreOrder, storeOrderId } from './read-order';
import { storeOrderReadingSchema } from './reading';
import { emptyReading, SAO_PAULO, shopifyReading } from './testing/readings';

const read = (reading: Parameters<typeof readStoreOrder>[0], settings = SAO_PAULO) => readStoreOrder(reading, settings);

describe('reading a store order page', () => {
  it('reads what each of the four stores typically shows into the order the file import takes', () => {
    const buyer = { name: 'Ana  Souza ', email: 'Ana@Exemplo.com' };
    const pages = [
      // Shopify: an ISO instant from <time datetime>, the total as a pt-BR admin writes it, its financial status word.
      [emptyReading('shopify', { reference: '#1001', placedAt: '2026-11-29T14:03:00-03:00', total: 'R$ 1.234,56', currency: 'BRL', status: 'Pago', buyer }), '#1001'],
      // WooCommerce: no space after R$, its raw status, a day-first date.
      [emptyReading('woocommerce', { reference: '#4321', placedAt: '29/11/2026 14:03', total: 'R$1.234,56', status: 'wc-completed', buyer }), '4321'],
      // Nuvemshop: the date written out in Portuguese.
      [emptyReading('nuvemshop', { reference: '#512', placedAt: '29 de novembro de 2026 às 14:03', total: 'R$ 1.234,56', status: 'Pago', buyer }), '512'],
      // Mercado Livre: its sale number, its way of writing dates, a delivered sale.
      [emptyReading('mercadolivre', { reference: '2000003508419186', placedAt: '29 de novembro de 2026 14:03 hs.', total: 'R$ 1.234,56', status: 'Entregue', buyer }), '2000003508419186'],
      // A date and a time shown apart, joined by the adapter.
      [emptyReading('shopify', { reference: '1001', placedAt: '2026-11-29 14:03', total: 'R$ 1.234,56', status: 'paid', buyer }), '#1001'],
    ] as const;
    for (const [page, externalId] of pages) {
      const result = read(page);
      expect(result.refusal, page.store).toBeNull();
      expect(result.order, page.store).toEqual({ line: 1, externalId, placedAt: '2026-11-29T17:03:00.000Z', total: 123_456, currency: 'BRL', status: 'paid', customer: { name: 'Ana Souza', email: 'ana@exemplo.com' } });
      expect(result.identities).toEqual([{ kind: 'email', value: 'ana@exemplo.com' }]);
    }
  });

  it('says what the page does not show, and saves without it', () => {
    const result = read(emptyReading('mercadolivre', { reference: '2000003508419186', placedAt: '2026-11-29T14:03:00-03:00', total: 'R$ 99,90', status: 'Entregue', buyer: { name: 'Caio Reis', cpf: '529.982.247-25' } }));
    expect(result.refusal).toBeNull();
    expect(result.order?.customer).toEqual({ name: 'Caio Reis', cpf: '52998224725' });
    expect(result.missing).toEqual([
      { field: 'email', reason: 'absent' },
      { field: 'phone', reason: 'absent' },
      { field: 'items', reason: 'absent' },
    ]);
    expect(result.summary).toEqual({ reference: '2000003508419186', placedAt: '2026-11-29T17:03:00.000Z', total: { amount: 9_990, currency: 'BRL' }, status: 'paid', items: 0, buyerName: 'Caio Reis' });
  });

  it('names the currency from the reading’s code, else the total’s symbol, else the seller’s, and never guesses between them', () => {
    const total = (text: string, currency: string | null = null, settings = SAO_PAULO) => {
      const result = read(shopifyReading({ total: text, currency, items: [] }), settings);
      return result.summary.total ?? { refusal: result.refusal, missing: result.missing.filter((m) => m.field === 'currency' || m.field === 'total') };
    };
    expect(total('R$ 1.234,56')).toEqual({ amount: 123_456, currency: 'BRL' });
    expect(total('1.234,56')).toEqual({ amount: 123_456, currency: 'BRL' });
    expect(total('US$ 1,234.56')).toEqual({ amount: 123_456, currency: 'USD' });
    expect(total('U$ 10,00')).toEqual({ amount: 1_000, currency: 'USD' });
    expect(total('€ 12,50')).toEqual({ amount: 1_250, currency: 'EUR' });
    expect(total('12,50 €')).toEqual({ amount: 1_250, currency: 'EUR' });
    expect(total('1 234,50 €')).toEqual({ amount: 123_450, currency: 'EUR' });
    expect(total('Kz 1.500,00')).toEqual({ amount: 150_000, currency: 'AOA' });
    expect(total('BRL 10')).toEqual({ amount: 1_000, currency: 'BRL' });
    expect(total('10.00', 'usd')).toEqual({ amount: 1_000, currency: 'USD' });
    expect(total('$ 10.00', 'USD')).toEqual({ amount: 1_000, currency: 'USD' });
    expect(total('$10.00', null, { ...SAO_PAULO, currency: 'USD' })).toEqual({ amount: 1_000, currency: 'USD' });
    expect(total('¥ 1,500', 'JPY')).toEqual({ amount: 1_500, currency: 'JPY' });
    // A code that is none, beside a symbol that says: the symbol.
    expect(total('R$ 10,00', 'reais')).toEqual({ amount: 1_000, currency: 'BRL' });
    // A bare $ for a seller in reais: one of a dozen dollars and pesos.
    expect(total('$ 10.00')).toEqual({ refusal: 'no-total', missing: [{ field: 'currency', reason: 'unreadable', text: '$ 10.00' }] });
    // The code and the symbol disagree.
    expect(total('R$ 10,00', 'USD')).toEqual({ refusal: 'no-total', missing: [{ field: 'currency', reason: 'unreadable', text: 'R$ 10,00' }] });
    expect(total('10,00', 'reais')).toEqual({ refusal: 'no-total', missing: [{ field: 'currency', reason: 'unreadable', text: 'reais' }] });
    expect(total('R$ --')).toEqual({ refusal: 'no-total', missing: [{ field: 'total', reason: 'unreadable', text: 'R$ --' }] });
    // The import's rule: one separator before exactly three digits groups thousands.
    expect(total('R$ 10,999')).toEqual({ amount: 1_099_900, currency: 'BRL' });
    expect(total('R$ 1,2,3')).toEqual({ refusal: 'no-total', missing: [{ field: 'total', reason: 'unreadable', text: 'R$ 1,2,3' }] });
    expect(total('-R$ 10,00')).toEqual({ refusal: 'no-total', missing: [{ field: 'total', reason: 'unreadable', text: '-R$ 10,00' }] });
    expect(total('  ')).toEqual({ refusal: 'no-total', missing: [{ field: 'total', reason: 'absent' }] });
  });

  it('reads the status with the import’s words, and refuses an order that is not a sale yet or whose status it cannot read', () => {
    const status = (word: string | null) => {
      const result = read(shopifyReading({ status: word }));
      return [result.summary.status, result.refusal, result.order?.status ?? null];
    };
    expect(status('Pago')).toEqual(['paid', null, 'paid']);
    expect(status('wc-completed')).toEqual(['paid', null, 'paid']);
    expect(status('wc-processing')).toEqual(['paid', null, 'paid']);
    expect(status('Parcialmente reembolsado')).toEqual(['paid', null, 'paid']);
    expect(status('Cancelado')).toEqual(['cancelled', null, 'cancelled']);
    expect(status('Venda cancelada')).toEqual(['cancelled', null, 'cancelled']);
    expect(status('Reembolsado')).toEqual(['refunded', null, 'refunded']);
    expect(status('Pagamento pendente')).toEqual(['unpaid', 'unpaid', null]);
    expect(status('wc-on-hold')).toEqual(['unpaid', 'unpaid', null]);
    expect(status('Em análise')).toEqual([null, 'no-status', null]);
    expect(status(null)).toEqual([null, 'no-status', null]);
    expect(read(shopifyReading({ status: 'Em análise' })).missing).toEqual([{ field: 'cpf', reason: 'absent' }, { field: 'status', reason: 'unreadable', text: 'Em análise' }].reverse());
  });

  it('takes only whole contacts for the buyer: a masked or unreadable one is left out and said, a name alone is no identity', () => {
    const masked = read(shopifyReading({ buyer: { email: 'a***@gmail.com', phone: '(11) 98765-4321' } }));
    expect(masked.refusal).toBeNull();
    expect(masked.identities).toEqual([{ kind: 'phone', value: '+5511987654321' }]);
    expect(masked.order?.customer).toEqual({ name: 'Ana Souza', phone: '+5511987654321' });
    expect(masked.missing).toContainEqual({ field: 'email', reason: 'masked', text: 'a***@gmail.com' });

    const unreadablePhone = read(shopifyReading({ buyer: { phone: '12' } }));
    expect(unreadablePhone.identities).toEqual([{ kind: 'email', value: 'ana@exemplo.com.br' }]);
    expect(unreadablePhone.missing).toContainEqual({ field: 'phone', reason: 'unreadable', text: '12' });

    for (const hidden of ['(11) 9****-4321', '+55 11 9XXXX-4321', '•••• 4321']) expect(read(shopifyReading({ buyer: { phone: hidden } })).missing, hidden).toContainEqual({ field: 'phone', reason: 'masked', text: hidden });
    expect(read(shopifyReading({ buyer: { cpf: '***.982.247-**' } })).missing).toContainEqual({ field: 'cpf', reason: 'masked', text: '***.982.247-**' });
    expect(read(shopifyReading({ buyer: { cpf: '123.456.789-00' } })).missing).toContainEqual({ field: 'cpf', reason: 'unreadable', text: '123.456.789-00' });

    const nameOnly = read(shopifyReading({ buyer: { email: 'a***@gmail.com', phone: null } }));
    expect(nameOnly.refusal).toBe('no-identity');
    expect(nameOnly.order).toBeNull();
    expect(nameOnly.identities).toEqual([]);
    expect(nameOnly.summary.buyerName).toBe('Ana Souza');
  });

  it('keeps every item or none: an unreadable one leaves them out and says so, the order is saved', () => {
    expect(read(shopifyReading()).order?.items).toEqual([
      { name: 'Bolo de cenoura', quantity: 2, unitPrice: 5_000 },
      { name: 'Torta de limão', quantity: 1, unitPrice: 4_000 },
    ]);
    const lines = [
      { name: 'Bolo', quantity: '× 2', price: 'R$ 50,00' },
      { name: 'Café', quantity: '1,5 un.', price: null },
      { name: 'Torta', quantity: null, price: '40' },
    ];
    expect(read(shopifyReading({ items: lines })).order?.items).toEqual([
      { name: 'Bolo', quantity: 2, unitPrice: 5_000 },
      { name: 'Café', quantity: 1.5, unitPrice: 0 },
      { name: 'Torta', quantity: 1, unitPrice: 4_000 },
    ]);
    const broken = read(shopifyReading({ items: [...lines, { name: 'Pão', quantity: 'dois', price: 'R$ 5,00' }] }));
    expect(broken.refusal).toBeNull();
    expect(broken.order?.items).toBeUndefined();
    expect(broken.summary.items).toBe(0);
    expect(broken.missing).toContainEqual({ field: 'items', reason: 'unreadable', text: 'Pão · dois · R$ 5,00' });
  });

  it('gives the order the id the store’s export file gives it, and refuses one without', () => {
    expect(storeOrderId('shopify', ' # 1001 ')).toBe('#1001');
    expect(storeOrderId('shopify', '1001')).toBe('#1001');
    expect(storeOrderId('shopify', 'LOJA 1001')).toBe('LOJA1001');
    expect(storeOrderId('woocommerce', '#4321')).toBe('4321');
    expect(storeOrderId('nuvemshop', '# 512')).toBe('512');
    expect(storeOrderId('mercadolivre', '2000003508419186')).toBe('2000003508419186');
    expect(storeOrderId('woocommerce', ' # ')).toBeNull();
    expect(read(shopifyReading({ reference: '#' }))).toMatchObject({ order: null, refusal: 'no-reference', missing: [{ field: 'reference', reason: 'unreadable', text: '#' }, { field: 'cpf', reason: 'absent' }] });
    expect(read(shopifyReading({ reference: null })).missing).toContainEqual({ field: 'reference', reason: 'absent' });
  });

  it('refuses an order without a readable date, and reports in one order when several things are missing', () => {
    expect(read(shopifyReading({ placedAt: 'ontem' }))).toMatchObject({ refusal: 'no-date', missing: [{ field: 'placedAt', reason: 'unreadable', text: 'ontem' }, { field: 'cpf', reason: 'absent' }] });
    expect(read(shopifyReading({ placedAt: '31/02/2026 10:00' })).refusal).toBe('no-date');
    const nothing = read(emptyReading('nuvemshop'));
    expect(nothing.refusal).toBe('no-identity');
    expect(nothing.missing.map((m) => m.field)).toEqual(['reference', 'placedAt', 'total', 'status', 'name', 'email', 'phone', 'cpf', 'items']);
    expect(read(emptyReading('nuvemshop', { status: 'Pendente' })).refusal).toBe('unpaid');
  });

  it('throws for book settings that are not ones, naming each', () => {
    expect(() => read(shopifyReading(), { timeZone: 'America/Nowhere', currency: 'reais', country: 'Brasil' })).toThrowError(ValidationError);
    expect(() => read(shopifyReading(), { timeZone: 'America/Nowhere', currency: 'BRL', country: 'BR' })).toThrowError(/timeZone: /);
    expect(() => read(shopifyReading(), { timeZone: 'UTC', currency: 'reais', country: 'BR' })).toThrowError(/currency: /);
    expect(() => read(shopifyReading(), { timeZone: 'UTC', currency: 'BRL', country: 'Brasil' })).toThrowError(/country: /);
  });

  it('checks a reading against its schema at the trust boundary, naming the field', () => {
    const parsed = storeOrderReadingSchema.safeParse({ ...shopifyReading(), buyer: { ...shopifyReading().buyer, email: 'x'.repeat(201) } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['buyer', 'email']);
  });
});
