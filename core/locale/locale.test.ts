import { describe, expect, it } from 'vitest';
import { resolveLocale } from './locale';

describe('resolveLocale', () => {
  it('maps Portuguese tags by region: Brazil (or no region) to pt-BR, any other to pt-PT', () => {
    expect(['pt', 'pt-BR', 'PT-br', 'pt_BR', 'pt-BR-u-nu-latn'].map(resolveLocale)).toEqual(Array(5).fill('pt-BR'));
    expect(['pt-PT', 'pt_PT', 'pt-AO', 'pt-MZ'].map(resolveLocale)).toEqual(Array(4).fill('pt-PT'));
  });

  it('maps Spanish and English tags of any region', () => {
    expect(['es', 'es-AR', 'es_MX', 'es-419'].map(resolveLocale)).toEqual(Array(4).fill('es'));
    expect(['en', 'en-GB', 'en_US'].map(resolveLocale)).toEqual(Array(3).fill('en'));
  });

  it('falls back to pt-BR, the main market, for other languages and for no tag', () => {
    expect(['de-DE', 'fr', 'ja', 'esperanto', 'english', '', '  '].map(resolveLocale)).toEqual(Array(7).fill('pt-BR'));
    expect(resolveLocale(undefined)).toBe('pt-BR');
  });
});
