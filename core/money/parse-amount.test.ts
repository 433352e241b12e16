import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from './parse-amount';

describe('parseAmount', () => {
  it('reads amounts the way Brazilian sellers type them', () => {
    expect(parseAmount('1.234,56')).toBe(123456);
    expect(parseAmount('R$ 50')).toBe(5000);
    expect(parseAmount('R$50,00')).toBe(5000);
    expect(parseAmount('50.5')).toBe(5050);
    expect(parseAmount('50,5')).toBe(5050);
    expect(parseAmount('1.234')).toBe(123400);
    expect(parseAmount('1.234.567,8')).toBe(123456780);
    expect(parseAmount('1,234.56')).toBe(123456);
    expect(parseAmount('BRL 12')).toBe(1200);
    expect(parseAmount(' 0,99 ')).toBe(99);
  });

  it('follows the currency for decimals', () => {
    expect(parseAmount('1.500', 'JPY')).toBe(1500);
    expect(parseAmount('€ 12,5', 'EUR')).toBe(1250);
    expect(() => parseAmount('10,5', 'JPY')).toThrowError(/more decimals than JPY has \(0\)/);
  });

  it('refuses what is not an amount, naming the field', () => {
    for (const text of ['', 'cinquenta', '1,2,3', '12.', '1..2', 'R$', '1.23.4']) expect(() => parseAmount(text), text).toThrowError(/amount: /);
    expect(() => parseAmount('-5')).toThrowError(/negative/);
    expect(() => parseAmount('10,123')).not.toThrow();
    expect(() => parseAmount('10,1234')).toThrowError(/not an amount|more decimals/);
  });

  it('reads back any amount formatted by Intl in pt-BR, pt-PT, es and en', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.constantFrom('pt-BR', 'pt-PT', 'es', 'en'), (minor, locale) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL', minimumFractionDigits: 2 }).format(minor / 100);
        expect(parseAmount(text, 'BRL')).toBe(minor);
      }),
    );
  });
});
