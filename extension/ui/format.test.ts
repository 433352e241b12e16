import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney } from './format';

describe('formatting through Intl', () => {
  it('writes money as a Brazilian seller reads it', () => {
    expect(formatMoney(123456, 'BRL', 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 1.234,56');
    expect(formatMoney(123456, 'EUR', 'pt-PT').replace(/\s/g, ' ')).toBe('1234,56 €');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });

  it('writes dates as dd/mm/aaaa in Portuguese', () => {
    expect(formatDate('2026-03-09T12:00:00.000Z', 'pt-BR')).toBe('09/03/2026');
    expect(formatDate('2026-03-09T12:00:00.000Z', 'en')).toBe('03/09/2026');
  });
});
