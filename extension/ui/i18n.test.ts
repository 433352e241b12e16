import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { es } from './messages/es';
import { ptBR } from './messages/pt-br';
import { ptPT } from './messages/pt-pt';
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

  it('fills the same placeholders in every language as in English', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[^}]*\}/g)].map((match) => match[0]).sort();
    const differing = Object.entries({ 'pt-BR': ptBR, 'pt-PT': ptPT, es }).flatMap(([locale, table]) =>
      (Object.keys(en) as (keyof typeof en)[]).filter((key) => placeholders(table[key]).join() !== placeholders(en[key]).join()).map((key) => `${locale} ${key}`),
    );
    expect(differing).toEqual([]);
  });
});
