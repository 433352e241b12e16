import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './i18n';

describe('translate', () => {
  it('counts customers the way each language says it', () => {
    expect(translate('pt-BR', 'customersInBook', { count: 0 })).toBe('Nenhum cliente na agenda');
    expect(translate('pt-BR', 'customersInBook', { count: 1 })).toBe('1 cliente na agenda');
    expect(translate('pt-BR', 'customersInBook', { count: 1234 })).toBe('1.234 clientes na agenda');
    expect(translate('en', 'customersInBook', { count: 1234 })).toBe('1,234 customers in the book');
    expect(translate('es', 'customersInBook', { count: 2 })).toBe('2 clientes en la agenda');
  });

  it('fills names as text', () => {
    expect(translate('pt-PT', 'added', { name: '<b>Ana</b>' })).toBe('<b>Ana</b> foi adicionado.');
  });

  it('picks pt-BR for Portuguese without a region, pt-PT for Portugal, and pt-BR when unsure', () => {
    expect(pickLocale('pt')).toBe('pt-BR');
    expect(pickLocale('pt-PT')).toBe('pt-PT');
    expect(pickLocale('es-AR')).toBe('es');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('de-DE')).toBe('pt-BR');
  });
});
