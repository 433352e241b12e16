import { describe, expect, it } from 'vitest';
import { currenciesOf, formatAxisMonth, formatMonth, pointChange, relativeChange } from './dashboard-format';

describe('Painel figures in words', () => {
  it('give a relative change, or say there is nothing to compare with', () => {
    expect(relativeChange(150, 100, 'pt-BR')).toEqual({ direction: 'up', amount: '50%' });
    expect(relativeChange(75, 100, 'pt-BR')).toEqual({ direction: 'down', amount: '25%' });
    expect(relativeChange(100, 100, 'pt-BR')).toEqual({ direction: 'same' });
    expect(relativeChange(10, 0, 'pt-BR')).toEqual({ direction: 'from-nothing' });
  });

  it('give a change of shares and scores in points, to one decimal', () => {
    expect(pointChange(41, 42)).toEqual({ direction: 'down', points: 1 });
    expect(pointChange(-51.25, -42)).toEqual({ direction: 'down', points: 9.3 });
    expect(pointChange(63.6, 50)).toEqual({ direction: 'up', points: 13.6 });
    expect(pointChange(50.01, 50)).toEqual({ direction: 'same', points: 0 });
  });

  it('name months as the seller reads them, and list the main currency first', () => {
    expect(formatMonth('2026-11', 'pt-BR')).toBe('nov. de 2026');
    expect(formatAxisMonth('2026-11', false, 'pt-BR')).toBe('nov.');
    expect(formatAxisMonth('2027-01', false, 'pt-BR')).toBe('jan.\n2027');
    expect(currenciesOf('BRL', { USD: 1, EUR: 2 }, { BRL: 3 })).toEqual(['BRL', 'EUR', 'USD']);
  });
});
