// Readings as the stores' adapters give them, for the readers' and the book's tests. Not part of the readers.
import type { StoreOrderReading } from '../reading';
import type { StoreOrderSettings } from '../read-order';

export const SAO_PAULO: StoreOrderSettings = { timeZone: 'America/Sao_Paulo', currency: 'BRL', country: 'BR' };

type ReadingChanges = Partial<Omit<StoreOrderReading, 'buyer'>> & { buyer?: Partial<StoreOrderReading['buyer']> };

/** Shopify's order page for #1001 as a pt-BR admin shows it (the shopify-orders.csv fixture's first order), with `changes` laid over it. */
export function shopifyReading(changes: ReadingChanges = {}): StoreOrderReading {
  const { buyer, ...rest } = changes;
  return {
    store: 'shopify',
    shop: 'loja-da-ana',
    reference: '#1001',
    placedAt: '2026-03-24T22:36:00-03:00',
    total: 'R$ 150,00',
    currency: 'BRL',
    status: 'Pago',
    items: [
      { name: 'Bolo de cenoura', quantity: '2', price: 'R$ 50,00' },
      { name: 'Torta de limão', quantity: '1', price: 'R$ 40,00' },
    ],
    ...rest,
    buyer: { name: 'Ana Souza', email: 'ana@exemplo.com.br', phone: '+55 11 98765-4321', cpf: null, ...buyer },
  };
}

/** The same shape for any store, with nothing on it but what `changes` says. */
export function emptyReading(store: StoreOrderReading['store'], changes: ReadingChanges = {}): StoreOrderReading {
  const { buyer, ...rest } = changes;
  return { store, shop: null, reference: null, placedAt: null, total: null, currency: null, status: null, items: [], ...rest, buyer: { name: null, email: null, phone: null, cpf: null, ...buyer } };
}
