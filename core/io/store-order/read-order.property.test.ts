import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIdentityValue } from '../../identity';
import { readStoreOrder } from './read-order';
import { STORE_IDS, type StoreOrderReading } from './reading';
import { emptyReading, SAO_PAULO, shopifyReading } from './testing/readings';

const RUNS = { numRuns: 500 };

// Text that breaks readers: separators, symbols, masks, accents, spaces Intl writes, letters codes are made of.
const nasty = fc.option(fc.string({ unit: fc.constantFrom('1', '0', '9', ',', '.', ' ', '\u00a0', 'R', '$', '€', 'U', 'S', 'D', '*', '@', 'a', 'x', '#', '/', ':', '-', 'é', 'T', 'Z'), maxLength: 16 }), { nil: null });

const anyReading: fc.Arbitrary<StoreOrderReading> = fc.record({
  store: fc.constantFrom(...STORE_IDS),
  shop: nasty,
  reference: nasty,
  placedAt: fc.oneof(nasty, fc.constantFrom('29/11/2026 14:03', '2026-11-29T14:03:00Z', '29 de novembro de 2026 às 14:03')),
  total: fc.oneof(nasty, fc.constantFrom('R$ 1.234,56', 'US$ 5', '€ 3,50', '$ 10')),
  currency: fc.oneof(nasty, fc.constantFrom('BRL', 'USD', 'EUR')),
  status: fc.oneof(nasty, fc.constantFrom('Pago', 'Cancelado', 'Pendente', 'wc-refunded')),
  buyer: fc.record({
    name: nasty,
    email: fc.oneof(nasty, fc.constantFrom('Ana@Exemplo.com', 'a***@gmail.com')),
    phone: fc.oneof(nasty, fc.constantFrom('(11) 98765-4321', '+351 912 345 678', '11 9****-4321')),
    cpf: fc.oneof(nasty, fc.constantFrom('529.982.247-25', '52998224725', '***.982.247-**')),
  }),
  items: fc.array(fc.record({ name: fc.string({ maxLength: 8 }), quantity: nasty, price: nasty }), { maxLength: 3 }),
});

describe('reading any store order page', () => {
  it('never throws for the page’s text, and gives an order exactly when it gives no refusal', () => {
    fc.assert(
      fc.property(anyReading, (reading) => {
        const result = readStoreOrder(reading, SAO_PAULO);
        expect(result.order === null).toBe(result.refusal !== null);
        if (result.identities.length === 0) expect(result.refusal === 'no-identity' || result.refusal === 'unpaid').toBe(true);
        if (result.order) {
          expect(Number.isSafeInteger(result.order.total) && result.order.total >= 0).toBe(true);
          expect(result.order.currency).toMatch(/^[A-Z]{3}$/);
          expect(new Date(result.order.placedAt).toISOString()).toBe(result.order.placedAt);
          expect(result.order.externalId).toMatch(/^\S+$/);
        }
        // What is missing and what was read never overlap.
        for (const { field } of result.missing) if (field === 'email' || field === 'phone' || field === 'cpf') expect(result.identities.map((identity) => identity.kind)).not.toContain(field);
      }),
      RUNS,
    );
  });

  it('gives identities as the book keys them: normalizing them again changes nothing', () => {
    fc.assert(
      fc.property(anyReading, (reading) => {
        for (const { kind, value } of readStoreOrder(reading, SAO_PAULO).identities) expect(normalizeIdentityValue(kind, value, { defaultCountry: 'BR' })).toBe(value);
      }),
      RUNS,
    );
  });

  it('reads back any total Intl writes in the four locales, in the currency it names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constantFrom('pt-BR', 'pt-PT', 'es', 'en'), fc.constantFrom('BRL', 'EUR', 'USD'), (minor, locale, currency) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
        // The seller's own currency: a bare `$` is theirs when they sell in dollars.
        const { summary } = readStoreOrder(shopifyReading({ total: text, currency: null }), { ...SAO_PAULO, currency });
        expect(summary.total, text).toEqual({ amount: minor, currency });
      }),
      RUNS,
    );
  });

  it('reads a date on the seller’s clock, day first or written out, as the instant it was', () => {
    const zones = ['America/Sao_Paulo', 'Europe/Lisbon', 'America/Manaus'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), (ms, timeZone) => {
        const instant = Math.floor(ms / 60_000) * 60_000;
        const parts = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(instant).map((part) => [part.type, part.value]));
        const months = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];
        const clock = `${parts.hour}:${parts.minute}`;
        const texts = [`${parts.day}/${parts.month}/${parts.year} ${clock}`, `${parts.day} de ${months[Number(parts.month) - 1]} de ${parts.year} às ${clock}`];
        for (const text of texts) {
          const { summary } = readStoreOrder(emptyReading('nuvemshop', { placedAt: text }), { ...SAO_PAULO, timeZone });
          // A wall time the clocks show twice (the hour a DST change repeats) is read as one of the two.
          const read = Date.parse(summary.placedAt ?? '');
          expect(read === instant || Math.abs(read - instant) === 3_600_000, `${text} in ${timeZone}`).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
