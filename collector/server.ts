// `npm run collector`: the collector as a process, configured by environment (see collector/README.md).
// `npm run collector -- new-site <key> <origin>…` prints a site entry with fresh credentials instead.
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_RATE_LIMITS } from './app';
import { stdoutLog } from './request-log';
import { loadOrCreateSites, newSite, SitesFileError } from './sites';
import { DEFAULT_SERVER_LIMITS, startCollector } from './start-collector';

export { startCollector } from './start-collector';
export type { CollectorOptions, RunningCollector } from './start-collector';

/** A setting that cannot be used; the process exits 1 with this message. */
class SettingError extends Error {}

function wholeNumberSetting(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new SettingError(`${name}: must be a whole number from ${min} to ${max} (got "${text}")`);
  return value;
}

/** `CLIENTELA_DATABASE_URL`: a PostgreSQL URL, or undefined for the SQLite file in the data folder. */
function databaseUrlSetting(): string | undefined {
  const url = process.env.CLIENTELA_DATABASE_URL;
  if (url === undefined || url === '') return undefined;
  // Only the scheme is echoed: the rest may hold a password.
  if (!/^postgres(ql)?:\/\//.test(url)) throw new SettingError(`CLIENTELA_DATABASE_URL: must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…")`);
  return url;
}

async function main(): Promise<void> {
  const dataDir = resolve(process.env.CLIENTELA_DATA || './data');
  const databaseUrl = databaseUrlSetting();
  const sitesFile = resolve(process.env.CLIENTELA_SITES || join(dataDir, 'sites.json'));
  const port = wholeNumberSetting('PORT', 8787, 0, 65535);
  const rateLimits = {
    perAddressPerMinute: wholeNumberSetting('CLIENTELA_RATE_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddressPerMinute, 1, 1e9),
    perSitePerMinute: wholeNumberSetting('CLIENTELA_RATE_PER_SITE', DEFAULT_RATE_LIMITS.perSitePerMinute, 1, 1e9),
  };
  const serverLimits = {
    maxConnections: wholeNumberSetting('CLIENTELA_MAX_CONNECTIONS', DEFAULT_SERVER_LIMITS.maxConnections, 1, 1e6),
    keepAliveTimeoutMs: wholeNumberSetting('CLIENTELA_KEEP_ALIVE_MS', DEFAULT_SERVER_LIMITS.keepAliveTimeoutMs, 1, 600_000),
  };
  const { sites, created } = loadOrCreateSites(sitesFile);
  if (created) {
    const demo = sites[0];
    // Shown once, on stderr, so it stays out of the JSON request log on stdout; the file keeps them (mode 600).
    process.stderr.write(
      `\nClientela collector: wrote ${sitesFile} with a demo site.\n` +
        `  site key: ${demo?.key}\n  origins:  ${demo?.origins.join(', ')}\n` +
        `  token:    ${demo?.token}   (the extension reads feedback with it)\n` +
        `  secret:   ${demo?.secret}   (the store signs verified contacts with it)\n\n`,
    );
  }
  const collector = await startCollector({
    dataDir,
    databaseUrl,
    sites,
    port,
    host: process.env.HOST || '127.0.0.1',
    rateLimits,
    serverLimits,
    trustProxy: process.env.CLIENTELA_TRUST_PROXY === '1',
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stdoutLog({ level: 'info', msg: 'draining', signal });
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Clientela collector: failed to close cleanly: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** `new-site <key> <origin>…`: the entry on stdout (to paste into the sites file), what to do with it on stderr. */
function printNewSite(args: string[]): void {
  const [key, ...origins] = args;
  if (!key || origins.length === 0) throw new SettingError('usage: new-site <key> <origin>… (e.g. new-site loja https://loja.example)');
  const site = newSite(key, origins);
  process.stdout.write(`${JSON.stringify(site, null, 2)}\n`);
  process.stderr.write(
    'Add this entry to the "sites" list of the sites file (CLIENTELA_SITES, by default ./data/sites.json) and restart the collector.\n' +
      'The token goes into the extension; the secret to the store\'s backend, which signs verified contacts with it.\n',
  );
}

/** No arguments: serve. `new-site …`: print a site entry. Anything else is a mistake worth saying. */
function run(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined) return main();
  if (command === 'new-site') return Promise.resolve().then(() => printNewSite(rest));
  return Promise.reject(new SettingError(`unknown command "${command}" (the one command is new-site; none serves)`));
}

function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntry()) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof SitesFileError || error instanceof SettingError ? error.message : `could not start: ${(error as Error).message}`;
    process.stderr.write(`Clientela collector: ${message}\n`);
    process.exit(1);
  });
}
