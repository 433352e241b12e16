import { describe, expect, it } from 'vitest';
import { completeOptions, matchLocale, normalizeEndpoint, outboxKey, readLoaderOptions, readOptions } from './options';

const tag = (attrs: Record<string, string>) => (name: string) => attrs[name] ?? null;
const minimal = { 'data-site': 'loja-da-ana', 'data-endpoint': 'https://collector.example' };

describe('widget options (data-* of the script tag)', () => {
  it('fills every default from the two required attributes', () => {
    expect(readOptions(tag(minimal))).toEqual({
      site: 'loja-da-ana',
      endpoint: 'https://collector.example',
      locale: 'pt-BR',
      mode: 'launcher',
      position: 'bottom-right',
      target: null,
      ask: 'csat',
    });
  });

  it('reads every option when given', () => {
    const options = readOptions(
      tag({ ...minimal, 'data-locale': 'es', 'data-mode': 'inline', 'data-position': 'top-left', 'data-target': ' #avaliacao ', 'data-ask': 'both' }),
    );
    expect(options).toMatchObject({ locale: 'es', mode: 'inline', position: 'top-left', target: '#avaliacao', ask: 'both' });
  });

  it('falls back to the default on an unknown value instead of failing', () => {
    const options = readOptions(tag({ ...minimal, 'data-mode': 'popup', 'data-position': 'middle', 'data-ask': 'ces', 'data-locale': 'fr' }));
    expect(options).toMatchObject({ mode: 'launcher', position: 'bottom-right', ask: 'csat', locale: 'pt-BR' });
  });

  it('says what is missing when a required attribute is absent or blank', () => {
    expect(readOptions(tag({ 'data-endpoint': 'https://c.example' }))).toMatch(/data-site/);
    expect(readOptions(tag({ 'data-site': '  ', 'data-endpoint': 'https://c.example' }))).toMatch(/data-site/);
    expect(readOptions(tag({ 'data-site': 'x' }))).toMatch(/data-endpoint/);
  });

  it('checks the endpoint URL in the UI step only (the loader just needs it present)', () => {
    const attr = tag({ 'data-site': 'x', 'data-endpoint': 'javascript:alert(1)' });
    const basics = readLoaderOptions(attr);
    expect(typeof basics).toBe('object');
    expect(completeOptions(basics as Exclude<typeof basics, string>, attr)).toMatch(/http\(s\) URL/);
  });

  it('normalizes the endpoint: trailing slashes go, a path prefix stays, anything but http(s) is refused', () => {
    expect(normalizeEndpoint('https://collector.example/')).toBe('https://collector.example');
    expect(normalizeEndpoint('https://example.com/clientela//')).toBe('https://example.com/clientela');
    expect(normalizeEndpoint('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of ['', 'collector.example', '//collector.example', 'ftp://x.example', 'https://x.example/?a=1', 'https://x.example/#h', 'https:// x.example'])
      expect(normalizeEndpoint(bad), bad).toBeNull();
  });

  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['es', 'es'],
    ['es-AR', 'es'],
    ['en-GB', 'en'],
    ['est', 'pt-BR'],
    ['', 'pt-BR'],
    [null, 'pt-BR'],
  ] as const)('maps the locale %s to %s', (input, expected) => {
    expect(matchLocale(input)).toBe(expected);
  });

  it('names the outbox after the site', () => {
    expect(outboxKey('demo')).toBe('clientela:outbox:demo');
  });
});
