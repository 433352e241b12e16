import { parseCollectedPage, takeInFeedback, type Book, type IntakeResult } from '../../core';
import { browserLocale, translate, type Locale } from '../ui/i18n';

/** A collector the seller added in settings: where it is, which site, and the token that reads it. */
export interface CollectorConfig {
  id: string;
  url: string;
  site: string;
  token: string;
  /** Where the last pull stopped; the next one resumes after it. */
  cursor: string | null;
  lastSync: { at: string; ok: boolean; message: string; added: number } | null;
}

export interface SyncProgress {
  collectorId: string;
  fetched: number;
}

const PAGE = 200;

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Reads a collector with the site's token; a failure throws in the seller's words. */
async function read(config: Pick<CollectorConfig, 'url' | 'token'>, path: string, fetchImpl: typeof fetch, locale: Locale): Promise<Response> {
  const response = await fetchImpl(`${base(config.url)}${path}`, { headers: { authorization: `Bearer ${config.token}` } }).catch(() => null);
  if (!response) throw new Error(translate(locale, 'collectorUnreachable', { url: config.url }));
  if (response.status === 401) throw new Error(translate(locale, 'collectorRefused'));
  if (!response.ok) throw new Error(translate(locale, 'collectorStatus', { status: String(response.status) }));
  return response;
}

/** Checks that the collector answers and that the token reads the site; throws in the seller's words when not. */
export async function testCollector(config: Pick<CollectorConfig, 'url' | 'site' | 'token'>, fetchImpl: typeof fetch = fetch, locale: Locale = browserLocale()): Promise<void> {
  const health = await fetchImpl(`${base(config.url)}/healthz`).catch(() => null);
  if (!health?.ok) throw new Error(translate(locale, 'collectorUnreachable', { url: config.url }));
  await read(config, `/v1/feedback?site=${encodeURIComponent(config.site)}&limit=1`, fetchImpl, locale);
}

/**
 * Pulls every feedback after the saved cursor, page by page, into the book. The cursor is saved after each page
 * is in the book, so an interrupted pull resumes where it stopped and never files a feedback twice.
 */
export async function syncCollector(
  book: Book,
  config: CollectorConfig,
  saveCursor: (cursor: string) => Promise<void>,
  onProgress: (progress: SyncProgress) => void = () => undefined,
  fetchImpl: typeof fetch = fetch,
  locale: Locale = browserLocale(),
): Promise<IntakeResult> {
  const total: IntakeResult = { added: 0, duplicates: 0, matched: 0, created: 0, anonymous: 0 };
  let cursor = config.cursor;
  let fetched = 0;
  for (;;) {
    const query = new URLSearchParams({ site: config.site, limit: String(PAGE), ...(cursor ? { after: cursor } : {}) });
    const response = await read(config, `/v1/feedback?${query}`, fetchImpl, locale);
    let page: ReturnType<typeof parseCollectedPage>;
    try {
      page = parseCollectedPage(await response.json());
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/^[^:]*: /, '') : String(error);
      throw new Error(translate(locale, 'collectorUnreadable', { detail }));
    }
    const result = await takeInFeedback(book, page.items, `${base(config.url)}#${config.site}`, locale);
    for (const key of Object.keys(total) as (keyof IntakeResult)[]) total[key] += result[key];
    fetched += page.items.length;
    onProgress({ collectorId: config.id, fetched });
    const resume = page.next ?? page.cursor ?? null;
    if (resume && resume !== cursor) {
      cursor = resume;
      await saveCursor(resume);
    }
    if (!page.next || page.items.length === 0) return total;
  }
}
