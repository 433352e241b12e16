import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { storeOrderReadingSchema, type StoreOrderReading } from '../../core';
import { mercadolivreAdapter } from './mercadolivre';
import { documentIn, fullDocument, fullEmail, fullPhone, ORDER_LIMITS, orderState, rowValue, valueAfter } from './order-reading';

const reading: StoreOrderReading = {
  store: 'nuvemshop',
  shop: 'lojadabia',
  reference: '1042',
  placedAt: '28/11/2026 14:03',
  total: 'R$ 249,60',
  currency: null,
  status: 'Pago',
  buyer: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: null, cpf: null },
  items: [{ name: 'Vestido midi floral', quantity: '2', price: 'R$ 89,90' }],
};

describe('contacts shown in full', () => {
  it('refuses a masked or partial value: it names no one, and we never store a guess', () => {
    for (const masked of ['a***@gmail.com', 'an••••@hotmail.com', 'ana…@gmail.com']) expect(fullEmail(masked), masked).toBeNull();
    for (const masked of ['(11) 9****-4321', '(11) *****-4321', '11 9XXXX-4321', '4321', '+55 11 ●●●●●-4321']) expect(fullPhone(masked), masked).toBeNull();
    for (const masked of ['***.456.789-**', 'XXX.456.789-XX', '390.533.447', '39053344']) expect(fullDocument(masked), masked).toBeNull();
  });

  it('keeps a whole e-mail, phone, CPF or CNPJ as the page shows it', () => {
    expect(fullEmail('ana.souza@example.com')).toBe('ana.souza@example.com');
    expect(fullEmail('não informado')).toBeNull();
    expect(fullPhone('(11) 98765-4321')).toBe('(11) 98765-4321');
    expect(fullPhone('+55 11 98765-4321')).toBe('+55 11 98765-4321');
    expect(fullDocument('390.533.447-05')).toBe('390.533.447-05');
    expect(fullDocument('12.345.678/0001-95')).toBe('12.345.678/0001-95');
  });

  it('reads the value after its label, and only the run of digits that follows it', () => {
    const tel = /\bTel\.?\s*:\s*/i;
    expect(valueAfter('Quem recebe: Carla Dias - Tel.: (21) 99876-5432', tel, 100)).toBe('(21) 99876-5432');
    expect(valueAfter('Quem recebe: Carla - Tel.: (21) 99876-5432 - Referência: casa azul', tel, 100)).toBe('(21) 99876-5432');
    expect(valueAfter('Quem recebe: Carla Dias', tel, 100)).toBeNull();
    expect(documentIn('Ana Souza | CPF 39053344705')).toBe('39053344705');
    expect(documentIn('CPF/CNPJ: 390.533.447-05')).toBe('390.533.447-05');
    expect(documentIn('CNPJ 12.345.678/0001-95')).toBe('12.345.678/0001-95');
    expect(documentIn('MARCOSLIMA77 | CPF ***.456.789-**')).toBeNull();
    expect(documentIn('CPFS enviados: 3')).toBeNull();
  });
});

describe('order state', () => {
  it('is keyed by the order alone: a status moved or items rendered late are the same subject, re-read whole', () => {
    const first = orderState(reading, '1654321987');
    expect(first.key).toBe('nuvemshop:lojadabia:1654321987');
    expect(orderState({ ...reading, status: 'Cancelada' }, '1654321987').key).toBe(first.key);
    expect(orderState(reading, '1654321988').key).not.toBe(first.key);
  });

  it('keeps at most the schema’s number of items', () => {
    const items = Array.from({ length: 250 }, (_, index) => ({ name: `Item ${index}`, quantity: '1', price: null }));
    const state = orderState({ ...reading, items }, '1');
    expect(state.status === 'order' && state.order.items).toHaveLength(ORDER_LIMITS.items);
  });
});

describe('labelled rows', () => {
  it('reads the row labelled as asked, from its last cell', () => {
    const window = new Window();
    window.document.body.innerHTML = '<table><tr><td>Subtotal</td><td>R$ 1,00</td></tr><tr><td>Total:</td><td>x</td><td>R$ 2,00</td></tr></table>';
    expect(rowValue(window.document as unknown as Document, ['tr'], ['Total'], 100)).toBe('R$ 2,00');
    expect(rowValue(window.document as unknown as Document, ['tr'], ['Frete'], 100)).toBeNull();
    void window.happyDOM.close();
  });
});

describe('a hostile or oversized page', () => {
  let window: Window | undefined;
  afterEach(async () => {
    await window?.happyDOM.close();
    window = undefined;
  });

  it('still yields a reading the schema accepts: long texts cut, 200 items at most, markup kept as text', () => {
    window = new Window({ url: 'https://www.mercadolivre.com.br/vendas/2000009876543210/detalhe' });
    const document = window.document;
    const el = (tag: string, className: string, text = '') => Object.assign(document.createElement(tag), { className, textContent: text });
    const subtitle = el('p', 'sc-detail-title__subtitle', `Venda #2000009876543210 | ${'28 de novembro de 2026 '.repeat(20)}`);
    const buyer = el('div', 'sc-buyer__content');
    buyer.append(el('b', '', `<img src=x onerror=alert(1)> ${'Ana '.repeat(300)}`));
    document.body.append(subtitle, buyer);
    for (let index = 0; index < 250; index++) {
      const product = el('div', 'sc-product');
      product.append(el('div', 'sc-title-subtitle-action__label', `Produto ${index} ${'muito longo '.repeat(40)}`), el('div', 'sc-quantity', '1 unidade'));
      document.body.append(product);
    }
    const state = mercadolivreAdapter.detect(document as unknown as Document, new URL(window.location.href));
    expect(state.status).toBe('order');
    if (state.status !== 'order') return;
    expect(storeOrderReadingSchema.safeParse(state.order).success).toBe(true);
    expect(state.order.items).toHaveLength(ORDER_LIMITS.items);
    expect(state.order.buyer.name?.startsWith('<img src=x onerror=alert(1)> Ana')).toBe(true);
  });
});
