import { SITE_MATCHES } from '../sites/registry';

/**
 * Platforms whose pages Clientela reaches through fixed content-script matches, or that are no seller's own shop:
 * the hosted store platforms (their admin lives on the platform's hosts, not on the seller's domain) and the chat
 * sites. A host equal to one of these or under it is refused with `served`: adding it would ask for a permission
 * that serves nothing. Hosts in SITE_MATCHES are refused as well, so a fixed host added there is covered at once.
 */
const SERVED_DOMAINS: readonly string[] = [
  'shopify.com',
  'myshopify.com',
  'nuvemshop.com.br',
  'lojavirtualnuvem.com.br',
  'tiendanube.com',
  'mitiendanube.com',
  'mercadolivre.com.br',
  'mercadolibre.com',
  'mercadolibre.com.ar',
  'mercadolibre.com.mx',
  'mercadolibre.cl',
  'mercadolibre.com.co',
  'mercadolibre.com.pe',
  'mercadolibre.com.uy',
  'whatsapp.com',
  'instagram.com',
  'facebook.com',
  'messenger.com',
  'telegram.org',
];

/** Names that never reach a public shop (RFC 6761 and 8375 special-use, and the usual home-network ones). */
const PRIVATE_SUFFIXES = ['localhost', 'local', 'test', 'invalid', 'example', 'internal', 'lan', 'home.arpa'];

/** Why a text is not a shop address; each is said in the seller's language by the screen (`shops.problem.*`). */
export type ShopUrlProblem =
  | { problem: 'empty' }
  | { problem: 'invalid'; text: string }
  | { problem: 'not-https'; scheme: string }
  | { problem: 'ip-address'; host: string }
  | { problem: 'port'; port: string }
  | { problem: 'not-a-domain'; host: string }
  | { problem: 'served'; host: string };

export type ShopOriginResult = { ok: true; origin: string } | ({ ok: false } & ShopUrlProblem);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Whether `host` is `domain` or one of its subdomains. */
const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** The host part of a match pattern (`https://*.example.com/*` → `*.example.com`). */
const patternHost = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '';

function servedByMatches(host: string, matches: readonly string[]): boolean {
  return matches.some((pattern) => {
    const wanted = patternHost(pattern);
    return wanted.startsWith('*.') ? within(host, wanted.slice(2)) : wanted === host;
  });
}

/**
 * The origin of the seller's shop from what they typed: `loja-da-ana.com.br/wp-admin/` becomes
 * `https://loja-da-ana.com.br`. Only https (the permission and the content script cover one origin, and a shop's
 * admin over plain http would hand the seller's session to anyone on the network), only a public domain name (no IP
 * address, port or local name: a permission for those would outlive the machine's network), and never a site
 * Clientela already serves by itself.
 */
export function shopOrigin(typed: string, servedMatches: readonly string[] = SITE_MATCHES): ShopOriginResult {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):(?=\/\/)/i.exec(text)?.[1];
  let url: URL;
  try {
    url = new URL(scheme ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'invalid', text };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not-https', scheme: url.protocol.slice(0, -1) };
  const host = url.hostname.replace(/\.$/, '');
  if (host.startsWith('[') || IPV4.test(host)) return { ok: false, problem: 'ip-address', host };
  if (url.port !== '') return { ok: false, problem: 'port', port: url.port };
  if (!DOMAIN.test(host)) return host.includes('.') ? { ok: false, problem: 'invalid', text } : { ok: false, problem: 'not-a-domain', host };
  if (PRIVATE_SUFFIXES.some((suffix) => within(host, suffix))) return { ok: false, problem: 'not-a-domain', host };
  if (SERVED_DOMAINS.some((domain) => within(host, domain)) || servedByMatches(host, servedMatches)) return { ok: false, problem: 'served', host };
  return { ok: true, origin: `https://${host}` };
}
