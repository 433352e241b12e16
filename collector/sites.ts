import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from '../core/zod';
import { fieldPath } from './field-path';
import { weakSecretReason } from './secret-strength';

/** How a seller makes a site entry with strong credentials (named in the errors about weak ones). */
export const NEW_SITE_COMMAND = 'node .output/collector/server.mjs new-site <key> <origin>…';

const origin = z.string().refine((text) => {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}, 'must be an origin such as https://loja.example (scheme, host and port only, no path or trailing slash)');

/** A token or secret: generated, never made up (see weakSecretReason). */
const secretText = z
  .string()
  .max(200, 'is too long (200 characters at most)')
  .superRefine((text, ctx) => {
    const reason = weakSecretReason(text);
    if (reason) ctx.addIssue({ code: 'custom', message: `${reason}: generate one with \`${NEW_SITE_COMMAND}\` (or \`openssl rand -base64 24\`)` });
  });

/** One store the collector accepts feedback for. */
export const siteSchema = z.object({
  /** Public site key the widget sends. */
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'must be 1 to 63 letters, digits, - or _'),
  /** Pages allowed to post for this site (exact `Origin` header values). */
  origins: z.array(origin).min(1, 'must list at least one origin'),
  /** Bearer token the extension reads feedback with; also the HMAC secret when `secret` is absent. */
  token: secretText,
  /** Optional HMAC secret for verified contacts, so the store's backend need not hold the read token. */
  secret: secretText.optional(),
});
export type Site = z.infer<typeof siteSchema>;

/** `CLIENTELA_SITES`: `{ "sites": [ { "key", "origins": [...], "token", "secret"? } ] }`. */
export const sitesFileSchema = z.object({
  sites: z.array(siteSchema).superRefine((sites, ctx) => {
    const seen = new Set<string>();
    sites.forEach((site, i) => {
      if (seen.has(site.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `repeats site key "${site.key}"` });
      seen.add(site.key);
    });
  }),
});

/** A sites file that cannot be used; `field` names the offending entry (`sites[0].origins[1]`). */
export class SitesFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field}: ${reason}`);
    this.name = 'SitesFileError';
  }
}

/** Checks parsed JSON against the sites schema, naming the first bad field. */
export function parseSites(file: string, json: unknown): Site[] {
  const result = sitesFileSchema.safeParse(json);
  if (result.success) return result.data.sites;
  const issue = result.error.issues[0];
  throw new SitesFileError(file, issue ? fieldPath(issue.path) || '(file)' : '(file)', issue?.message ?? 'is invalid');
}

/**
 * A fresh token or secret: 24 random bytes (192 bits) as base64url. Drawn again in the rare case the draw would
 * be refused as looking made up (see weakSecretReason), so what this makes always loads.
 */
export function generateSecret(): string {
  for (;;) {
    const secret = randomBytes(24).toString('base64url');
    if (!weakSecretReason(secret)) return secret;
  }
}

/** The demo store the lead serves on port 8788; fresh random credentials each time one is made. */
export function demoSite(): Site {
  return newSite('demo', ['http://127.0.0.1:8788', 'http://localhost:8788']);
}

/**
 * A site entry with a fresh token and secret, for the seller to paste into the sites file (the `new-site`
 * command). The key and origins are checked as the file's are; the error names the field (`origins[0]`).
 */
export function newSite(key: string, origins: string[]): Site {
  const result = siteSchema.safeParse({ key, origins, token: generateSecret(), secret: generateSecret() });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new SitesFileError('new-site', issue ? fieldPath(issue.path) || '(site)' : '(site)', issue?.message ?? 'is invalid');
}

/**
 * Reads the sites file; when it does not exist yet, writes one holding the demo site (owner-only permissions,
 * since it holds secrets) and reports it as `created` so the caller can show the credentials once.
 */
export function loadOrCreateSites(file: string): { sites: Site[]; created: boolean } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SitesFileError(file, '(file)', `cannot be read: ${(error as Error).message}`);
    const sites = [demoSite()];
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ sites }, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return { sites, created: true };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SitesFileError(file, '(file)', `is not valid JSON: ${(error as Error).message}`);
  }
  return { sites: parseSites(file, json), created: false };
}

/** Lookups over the configured sites; fixed for the life of the process (edit the file, then restart). */
export class SiteBook {
  readonly #byKey: Map<string, Site>;
  readonly #anyOrigin: Set<string>;

  constructor(sites: readonly Site[]) {
    this.#byKey = new Map(sites.map((site) => [site.key, site]));
    this.#anyOrigin = new Set(sites.flatMap((site) => site.origins));
  }

  /** The site with this key, if configured. */
  get(key: string): Site | undefined {
    return this.#byKey.get(key);
  }

  /** True when some site lists this origin: all a preflight can check, since it carries no body. */
  knowsOrigin(origin: string): boolean {
    return this.#anyOrigin.has(origin);
  }
}

/** The key the store signs contacts with. */
export function contactSecret(site: Site): string {
  return site.secret ?? site.token;
}
