import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDaysAgo, formatMoney, formatPercent, instantOfWallClock, todayInput } from './format';

describe('formatting through Intl', () => {
  it('writes money as a Brazilian seller reads it', () => {
    expect(formatMoney(123456, 'BRL', 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 1.234,56');
    expect(formatMoney(123456, 'EUR', 'pt-PT').replace(/\s/g, ' ')).toBe('1234,56 €');
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500');
  });

  it('writes dates as dd/mm/aaaa in Portuguese', () => {
    expect(formatDate('2026-03-09T12:00:00.000Z', 'pt-BR', 'America/Sao_Paulo')).toBe('09/03/2026');
    expect(formatDate('2026-03-09T12:00:00.000Z', 'en', 'UTC')).toBe('03/09/2026');
  });

  it('dates a 22:00 sale in São Paulo on its own day, on the seller’s calendar', () => {
    expect(formatDate('2026-11-29T01:00:00.000Z', 'pt-BR', 'America/Sao_Paulo')).toBe('28/11/2026');
    expect(formatDate('2026-11-29T01:00:00.000Z', 'pt-BR', 'Europe/Lisbon')).toBe('29/11/2026');
    expect(todayInput(new Date('2026-11-29T01:00:00.000Z'), 'America/Sao_Paulo')).toBe('2026-11-28');
  });

  it('reads a date-time input on the seller’s clock, across a DST change too', () => {
    expect(new Date(instantOfWallClock('2026-11-28T18:00', 'America/Sao_Paulo')).toISOString()).toBe('2026-11-28T21:00:00.000Z');
    expect(new Date(instantOfWallClock('2026-07-01T18:00', 'Europe/Lisbon')).toISOString()).toBe('2026-07-01T17:00:00.000Z');
    expect(new Date(instantOfWallClock('2026-01-01T18:00', 'Europe/Lisbon')).toISOString()).toBe('2026-01-01T18:00:00.000Z');
    expect(instantOfWallClock('not a date', 'UTC')).toBeNaN();
  });

  it('writes sizes in SI units the way each language does', () => {
    expect(formatBytes(312_000_000, 'pt-BR')).toBe('312 MB');
    expect(formatBytes(1_250_000_000, 'pt-BR')).toBe('1,3 GB');
    expect(formatBytes(1_250_000_000, 'en')).toBe('1.3 GB');
    expect(formatBytes(12_400, 'es')).toBe('12 kB');
    expect(formatBytes(999, 'pt-BR')).toBe('999 bytes');
  });

  it('says how many days ago in words, today and yesterday included', () => {
    expect([0, 1, 3].map((days) => formatDaysAgo(days, 'pt-BR'))).toEqual(['hoje', 'ontem', 'há 3 dias']);
    expect(formatDaysAgo(3, 'es')).toBe('hace 3 días');
    expect(formatDaysAgo(3, 'en')).toBe('3 days ago');
  });

  it('writes a date and time in the zone it is given', () => {
    expect(formatDateTime('2026-11-29T02:30:00.000Z', 'pt-BR', 'America/Sao_Paulo')).toBe('28/11/2026, 23:30');
  });

  it('writes progress as a whole percentage, capped at 100 %', () => {
    expect(formatPercent(45, 100, 'pt-BR')).toBe('45%');
    expect(formatPercent(5, 0, 'pt-BR')).toBe('0%');
    expect(formatPercent(120, 100, 'en')).toBe('100%');
  });
});
