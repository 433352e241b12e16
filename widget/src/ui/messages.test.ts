import { describe, expect, it } from 'vitest';
import type { Locale } from '../options';
import { createFormat, fill } from './format';
import { MESSAGES } from './messages';

const LOCALES = Object.keys(MESSAGES) as Locale[];

describe('widget strings', () => {
  it('translates every string in every locale, keeping each placeholder', () => {
    const en = MESSAGES.en as unknown as Record<string, unknown>;
    for (const locale of LOCALES) {
      const m = MESSAGES[locale] as unknown as Record<string, unknown>;
      expect(Object.keys(m).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(m)) {
        const texts = Array.isArray(value) ? (value as string[]) : [value as string];
        for (const text of texts) expect(text.trim(), `${locale}.${key}`).not.toBe('');
        const placeholders = (text: unknown) => String(text).match(/\{\w+\}/g)?.sort() ?? [];
        expect(placeholders(value), `${locale}.${key}`).toEqual(placeholders(en[key]));
      }
    }
    expect(MESSAGES['pt-BR'].thanks).toBe('Obrigado!');
  });

  it('formats numbers and plurals with Intl', () => {
    const pt = createFormat('pt-BR', MESSAGES['pt-BR']);
    expect(pt.num(2000)).toBe('2.000');
    expect(pt.stars(1)).toBe('1 estrela');
    expect(pt.stars(4)).toBe('4 estrelas');
    expect(createFormat('en', MESSAGES.en).num(2000)).toBe('2,000');
    expect(createFormat('es', MESSAGES.es).stars(1)).toBe('1 estrella');
    expect(fill(fill(MESSAGES['pt-PT'].counter, 'n', pt.num(12)), 'max', pt.num(2000))).toBe('12 de 2.000 caracteres');
  });

  it('fills a placeholder with the value as given, `$&` and all', () => {
    expect(fill('Pedido nº {id}', 'id', 'A$&B')).toBe('Pedido nº A$&B');
  });
});
