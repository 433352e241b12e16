import { CollectedPageError, emptyIntakeResult, readCollectedPage, takeInFeedback, type Book, type IntakeResult, type UnreadableItem } from '../../core';
import { browserLocale, translate, type Locale } from '../i18n/translate';

/** A collector's last pull, as settings shows it. */
export interface LastSync {
  at: string;
  ok: boolean;
  /** Empty when all went well; otherwise what stopped or spoiled the pull, in the seller's words. */
  message: string;
  added: number;
  /** Items set aside in this pull because this version could not read or file them. */
  unreadable?: number;
}

/** Items set aside over time: the latest ones with their reasons, and how many in all. */
export interface Quarantine {
  total: number;
  items: (UnreadableItem & { at: string })[];
}

/** A collector the seller added in settings: where it is, which site, and the token that reads it. */
export interface CollectorConfig {
  id: string;
  url: string;
  site: string;
  token: string;
  /** Where the last pull stopped; the next one resumes after it. */
  cursor: string | null;
  lastSync: LastSync | null;
  quarantine?: Quarantine;
}

export interface SyncProgress {
  collectorId: string;
  fetched: number;
}

/** Items asked for per page. */
export const PAGE = 200;
/** Pages one pull reads at most; the rest waits for the next pull (10,000 items). */
export const MAX_PAGES_PER_SYNC = 50;
/** Largest page body read: 200 items at their largest are about 4 MB. */
export const MAX_PAGE_BYTES = 6 * 1024 * 1024;
/** How long one request may take before the pull gives up on that collector for now. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Set-aside items kept per collector (the count goes on). */
export const QUARANTINE_KEPT = 50;

/** A pull that stopped early, after saving what it had; `added` is what it filed before stopping. */
export class SyncStopped extends Error {
  override name = 'SyncStopped';
  constructor(
    message: string,
    readonly result: SyncOutcome,
  ) {
    super(message);
  }
}

export interface SyncOutcome extends IntakeResult {
  unreadableItems: UnreadableItem[];
}

/** What a pull needs besides the collector: where to save progress, and the serialized door into the book. */
export interface SyncDeps {
  /** Saves where the pull is and the items it set aside on this page, together, before the next page is read. */
  savePage: (cursor: string | null, unreadable: UnreadableItem[]) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  fetchImpl?: typeof fetch;
  locale?: Locale;
  /** Runs book writes one at a time when several collectors pull at once. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
}

function base(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Reads a collector with the site's token; a failure throws in the seller's words. */
async function read(config: Pick<CollectorConfig, 'url' | 'token'>, path: string, fetchImpl: typeof fetch, locale: Locale, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Response> {
  const response = await fetchImpl(`${base(config.url)}${path}`, {
    headers: { authorization: `Bearer ${config.token}` },
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new Error(translate(locale, 'collectorTimedOut', { seconds: Math.round(timeoutMs / 1000) }));
    return null;
  });
  if (!response) throw new Error(translate(locale, 'collectorUnreachable', { url: config.url }));
  if (response.status === 401) throw new Error(translate(locale, 'collectorRefused'));
  if (!response.ok) throw new Error(translate(locale, 'collectorStatus', { status: String(response.status) }));
  return response;
}

/** The body as text, refusing one larger than MAX_PAGE_BYTES without reading the rest. */
async function boundedText(response: Response, locale: Locale): Promise<string> {
  const tooLarge = () => new Error(translate(locale, 'collectorPageTooLarge', { megabytes: MAX_PAGE_BYTES / 1024 / 1024 }));
  if (Number(response.headers.get('content-length') ?? 0) > MAX_PAGE_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_PAGE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Checks that the collector answers and that the token reads the site; throws in the seller's words when not. */
export async function testCollector(config: Pick<CollectorConfig, 'url' | 'site' | 'token'>, fetchImpl: typeof fetch = fetch, locale: Locale = browserLocale()): Promise<void> {
  const health = await fetchImpl(`${base(config.url)}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => null);
  if (!health?.ok) throw new Error(translate(locale, 'collectorUnreachable', { url: config.url }));
  const response = await read(config, `/v1/feedback?site=${encodeURIComponent(config.site)}&limit=1`, fetchImpl, locale);
  await response.body?.cancel();
}

const after = (cursor: string, previous: string | null) => previous === null || BigInt(cursor) > BigInt(previous);

/**
 * Pulls the feedback after the saved cursor, page by page, into the book. Each page is judged item by item: an
 * item this version cannot read (or the book refuses) is set aside with its reason and the cursor still moves
 * past it, so no item can stop the feedback behind it. The cursor is saved after each page is in the book, so an
 * interrupted pull resumes where it stopped and never files a feedback twice. A collector cannot keep a pull
 * running: it stops after MAX_PAGES_PER_SYNC pages, at a cursor that does not move forward, at a page larger than
 * MAX_PAGE_BYTES and at a request slower than REQUEST_TIMEOUT_MS (throwing SyncStopped with what it filed).
 */
export async function syncCollector(book: Book, config: CollectorConfig, deps: SyncDeps): Promise<SyncOutcome> {
  const { fetchImpl = fetch, locale = browserLocale(), exclusive = (work) => work() } = deps;
  const total: SyncOutcome = { ...emptyIntakeResult(), unreadableItems: [] };
  const stop = (key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) => new SyncStopped(translate(locale, key, params), total);
  let cursor = config.cursor;
  let fetched = 0;
  for (let pages = 0; ; pages++) {
    if (pages === MAX_PAGES_PER_SYNC) throw stop('collectorPageCap', { pages: MAX_PAGES_PER_SYNC, count: fetched });
    const query = new URLSearchParams({ site: config.site, limit: String(PAGE), ...(cursor ? { after: cursor } : {}) });
    let page: ReturnType<typeof readCollectedPage>['page'];
    let unreadable: UnreadableItem[];
    try {
      const response = await read(config, `/v1/feedback?${query}`, fetchImpl, locale, deps.requestTimeoutMs);
      ({ page, unreadable } = readCollectedPage(JSON.parse(await boundedText(response, locale))));
    } catch (error) {
      const message = error instanceof CollectedPageError || error instanceof SyntaxError
        ? translate(locale, 'collectorUnreadable', { detail: error.message })
        : error instanceof Error ? error.message : String(error);
      throw new SyncStopped(message, total);
    }
    const resume = page.next ?? page.cursor ?? null;
    const moved = resume !== null && after(resume, cursor);
    // Items, or a promise of more, behind a cursor that does not move would be read again and again: none are taken.
    const hasItems = page.items.length + unreadable.length > 0;
    if ((hasItems && resume !== null && !moved) || (page.next !== null && !moved)) throw stop('collectorCursorStuck', { cursor: resume ?? '' });
    const result = await exclusive(() => takeInFeedback(book, page.items, `${base(config.url)}#${config.site}`, locale));
    for (const key of Object.keys(emptyIntakeResult()) as (keyof IntakeResult)[]) total[key] += result[key];
    const setAside = [...unreadable, ...result.unreadableItems];
    total.unreadable += unreadable.length;
    total.unreadableItems.push(...setAside);
    fetched += page.items.length + unreadable.length;
    deps.onProgress?.({ collectorId: config.id, fetched });
    if (moved) cursor = resume;
    if (moved || setAside.length > 0) await deps.savePage(cursor, setAside);
    if (!page.next || page.items.length + unreadable.length === 0) return total;
  }
}
