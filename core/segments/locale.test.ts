import { describe, expect, it } from 'vitest';
import { resolveSegmentLocale } from './locale';

describe('resolveSegmentLocale', () => {
  it('maps Portuguese tags by region: Brazil (or no region) to pt-BR, any other to pt-PT', () => {
    expect(['pt', 'pt-BR', 'PT-br', 'pt_BR', 'pt-BR-u-nu-latn'].map(resolveSegmentLocale)).toEqual(Array(5).fill('pt-BR'));
    expect(['pt-PT', 'pt_PT', 'pt-AO', 'pt-MZ'].map(resolveSegmentLocale)).toEqual(Array(4).fill('pt-PT'));
  });

  it('maps Spanish and English tags of any region', () => {
    expect(['es', 'es-AR', 'es_MX', 'es-419'].map(resolveSegmentLocale)).toEqual(Array(4).fill('es'));
    expect(['en', 'en-GB', 'en_US'].map(resolveSegmentLocale)).toEqual(Array(3).fill('en'));
  });

  it('falls back to pt-BR, the main market, for other languages and for no tag', () => {
    expect(['de-DE', 'fr', 'ja', 'esperanto', 'english', '', '  '].map(resolveSegmentLocale)).toEqual(Array(7).fill('pt-BR'));
    expect(resolveSegmentLocale(undefined)).toBe('pt-BR');
  });
});
