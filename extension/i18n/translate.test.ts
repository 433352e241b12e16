import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES, resolveLocale } from '../../core/locale';
import { en, type MessageKey } from './messages/en';
import { CATALOGS } from './catalogs';
import { compiledMessage, translate } from './translate';

const KEYS = Object.keys(en) as MessageKey[];

/** The placeholder names a message fills, nested plural and select branches included (`#` is not one). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const element of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      // Element types of @formatjs/icu-messageformat-parser: 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural.
      if (element.type >= 1 && element.type <= 6 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

describe('translate', () => {
  it('counts customers the way each language says it, with the Portuguese "none" forms', () => {
    expect(translate('pt-BR', 'customersInBook', { count: 0 })).toBe('Nenhum cliente na agenda');
    expect(translate('pt-BR', 'customersInBook', { count: 1 })).toBe('1 cliente na agenda');
    expect(translate('pt-BR', 'customersInBook', { count: 1234 })).toBe('1.234 clientes na agenda');
    expect(translate('pt-PT', 'customerTotal', { count: 0 })).toBe('nenhum cliente');
    expect(translate('en', 'customersInBook', { count: 1234 })).toBe('1,234 customers in the book');
    expect(translate('es', 'customersInBook', { count: 2 })).toBe('2 clientes en la agenda');
    expect(translate('pt-BR', 'restored', { count: 1, orders: 0 })).toBe('Agenda restaurada: 1 cliente e nenhum pedido.');
  });

  it('writes plain numbers the locale’s way', () => {
    expect(translate('pt-BR', 'showingFirst', { shown: 1000, count: 100_000 })).toBe('Mostrando os primeiros 1.000 de 100.000 clientes.');
  });

  it('fills names as text, tags and all', () => {
    expect(translate('pt-PT', 'added', { name: '<b>Ana</b>' })).toBe('<b>Ana</b> foi adicionado.');
    expect(translate('en', 'claimIsIt', { name: "O'Neil {x}" })).toBe("Was it O'Neil {x}?");
  });

  it('compiles each message once per locale and keeps it', () => {
    expect(compiledMessage('es', 'customersInBook')).toBe(compiledMessage('es', 'customersInBook'));
    expect(compiledMessage('es', 'customersInBook')).not.toBe(compiledMessage('en', 'customersInBook'));
  });

  it('picks pt-BR for Portuguese without a region, pt-PT for Portugal, and pt-BR when unsure', () => {
    expect(resolveLocale('pt')).toBe('pt-BR');
    expect(resolveLocale('pt-PT')).toBe('pt-PT');
    expect(resolveLocale('es-AR')).toBe('es');
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('de-DE')).toBe('pt-BR');
  });
});

describe('the catalogs', () => {
  it('have every key in all four languages, and nothing else', () => {
    for (const locale of LOCALES) expect(Object.keys(CATALOGS[locale]).sort(), locale).toEqual([...KEYS].sort());
  });

  it('hold only messages that parse as ICU MessageFormat', () => {
    const broken = LOCALES.flatMap((locale) =>
      KEYS.flatMap((key) => {
        try {
          placeholders(CATALOGS[locale][key]);
          return [];
        } catch (error) {
          return [`${locale} ${key}: ${String(error)}`];
        }
      }),
    );
    expect(broken).toEqual([]);
  });

  it('fill the same placeholders in every language, so no translation drops a {name}', () => {
    const differing = LOCALES.flatMap((locale) =>
      KEYS.filter((key) => placeholders(CATALOGS[locale][key]).join() !== placeholders(en[key]).join()).map(
        (key) => `${locale} ${key}: ${placeholders(CATALOGS[locale][key]).join()} ≠ en ${placeholders(en[key]).join()}`,
      ),
    );
    expect(differing).toEqual([]);
  });

  it('finds a dropped placeholder (the check above can fail)', () => {
    expect(placeholders('{count, plural, one {# cliente} other {# clientes de {name}}}')).toEqual(['count', 'name']);
    expect(placeholders('{count, plural, one {# cliente} other {# clientes}}')).not.toEqual(['count', 'name']);
  });
});
