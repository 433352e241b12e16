import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopOrigin } from './shop-origin';

describe('the origin of a shop on the seller’s own domain', () => {
  it('keeps only the https origin of what the seller typed or pasted', () => {
    for (const [typed, origin] of [
      ['https://loja-da-ana.com.br', 'https://loja-da-ana.com.br'],
      ['  loja-da-ana.com.br  ', 'https://loja-da-ana.com.br'],
      ['https://loja-da-ana.com.br/wp-admin/post.php?post=1&action=edit#x', 'https://loja-da-ana.com.br'],
      ['HTTPS://WWW.Loja-Da-Ana.COM.BR/', 'https://www.loja-da-ana.com.br'],
      ['https://loja-da-ana.com.br.:443/', 'https://loja-da-ana.com.br'],
      ['https://ana:segredo@loja-da-ana.com.br/', 'https://loja-da-ana.com.br'],
      ['lojá.com.br', 'https://xn--loj-gla.com.br'],
      // WooCommerce on WordPress.com is still the seller's own WordPress admin.
      ['minhaloja.wordpress.com/wp-admin/', 'https://minhaloja.wordpress.com'],
    ] as const) {
      expect(shopOrigin(typed), typed).toEqual({ ok: true, origin });
    }
  });

  it('names what is wrong with an address that is no shop of the seller’s own', () => {
    expect(shopOrigin('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(shopOrigin('http://loja-da-ana.com.br')).toEqual({ ok: false, problem: 'not-https', scheme: 'http' });
    expect(shopOrigin('ftp://loja-da-ana.com.br')).toEqual({ ok: false, problem: 'not-https', scheme: 'ftp' });
    expect(shopOrigin('https://203.0.113.7/wp-admin/')).toEqual({ ok: false, problem: 'ip-address', host: '203.0.113.7' });
    expect(shopOrigin('https://127.1/')).toEqual({ ok: false, problem: 'ip-address', host: '127.0.0.1' });
    expect(shopOrigin('https://[::1]/')).toEqual({ ok: false, problem: 'ip-address', host: '[::1]' });
    expect(shopOrigin('https://loja-da-ana.com.br:8443/')).toEqual({ ok: false, problem: 'port', port: '8443' });
    expect(shopOrigin('localhost')).toEqual({ ok: false, problem: 'not-a-domain', host: 'localhost' });
    expect(shopOrigin('https://loja.local/')).toEqual({ ok: false, problem: 'not-a-domain', host: 'loja.local' });
    expect(shopOrigin('https://intranet/')).toEqual({ ok: false, problem: 'not-a-domain', host: 'intranet' });
    expect(shopOrigin('https://*.loja.com.br')).toEqual({ ok: false, problem: 'invalid', text: 'https://*.loja.com.br' });
    expect(shopOrigin('https://loja_ana.com.br')).toEqual({ ok: false, problem: 'invalid', text: 'https://loja_ana.com.br' });
    expect(shopOrigin('https://')).toEqual({ ok: false, problem: 'invalid', text: 'https://' });
    expect(shopOrigin('loja da ana')).toEqual({ ok: false, problem: 'invalid', text: 'loja da ana' });
  });

  it('refuses the stores and chat sites Clientela serves by itself, and any host its fixed matches cover', () => {
    for (const host of ['admin.shopify.com', 'loja-da-ana.myshopify.com', 'loja.lojavirtualnuvem.com.br', 'www.mercadolivre.com.br', 'web.whatsapp.com', 'www.facebook.com']) {
      expect(shopOrigin(`https://${host}/`), host).toEqual({ ok: false, problem: 'served', host });
    }
    expect(shopOrigin('https://admin.loja-exemplo.com.br/', ['https://*.loja-exemplo.com.br/*'])).toEqual({ ok: false, problem: 'served', host: 'admin.loja-exemplo.com.br' });
    expect(shopOrigin('https://painel.loja.com.br/', ['https://painel.loja.com.br/pedidos/*'])).toEqual({ ok: false, problem: 'served', host: 'painel.loja.com.br' });
    // A domain that only ends like a platform's is not under it.
    expect(shopOrigin('https://notshopify.com/')).toEqual({ ok: true, origin: 'https://notshopify.com' });
  });

  it('gives an origin that is its own origin, whatever path, query and case came with the domain', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const domain = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com.br', 'pt', 'com', 'es', 'store')).map(([labels, tld]) => `${labels.join('.')}.${tld}`);
    const rest = fc.constantFrom('', '/', '/wp-admin/', '/wp-admin/post.php?post=1&action=edit', '?x=1', '#pedido');
    fc.assert(
      fc.property(domain, rest, fc.boolean(), (host, path, upper) => {
        const result = shopOrigin(`https://${upper ? host.toUpperCase() : host}${path}`, []);
        if (!result.ok) return result.problem === 'served';
        return result.origin === `https://${host}` && JSON.stringify(shopOrigin(result.origin, [])) === JSON.stringify(result);
      }),
    );
  });
});
