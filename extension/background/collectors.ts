import type { Book, IntakeResult, UnreadableItem } from '../../core';
import { emptyIntakeResult, newId } from '../../core';
import { browserLocale, translate, type Locale } from '../i18n/translate';
import { QUARANTINE_KEPT, SyncStopped, syncCollector, testCollector, type CollectorConfig, type LastSync, type SyncProgress } from './collector-sync';

/** The part of browser.storage.local the collectors use (a Map in tests). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

const KEY = 'collectors';

/** The collectors the seller added, their cursors and last results; pulls one at a time. */
export class CollectorService {
  private syncing: SyncProgress | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private writing: Promise<unknown> = Promise.resolve();
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly book: Book,
    private readonly storage: KeyValueStore,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => Date = () => new Date(),
    /** The language of the errors it keeps and throws (the browser's). */
    private readonly locale: Locale = browserLocale(),
    /** How long one request to a collector may take (tests shorten it). */
    private readonly requestTimeoutMs?: number,
    /**
     * Told whenever what `list()` answers changes: a pull starts, moves a page or ends, a collector is added,
     * removed or saved. The background passes it on to open pages (messaging/collector-events.ts), so they
     * follow a pull without polling.
     */
    private readonly onStateChange: () => void = () => undefined,
  ) {}

  async list(): Promise<{ collectors: CollectorConfig[]; syncing: SyncProgress | null }> {
    return { collectors: await this.load(), syncing: this.syncing };
  }

  /** Adds a collector after checking it answers and the token reads the site. */
  async add(input: { url: string; site: string; token: string }): Promise<CollectorConfig[]> {
    const url = new URL(input.url);
    if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      throw new Error(translate(this.locale, 'collectorNeedsHttps'));
    }
    const config: CollectorConfig = { id: newId(), url: url.origin + url.pathname.replace(/\/+$/, ''), site: input.site.trim(), token: input.token.trim(), cursor: null, lastSync: null };
    await testCollector(config, this.fetchImpl, this.locale);
    return this.rewrite((collectors) => [...collectors.filter((c) => !(c.url === config.url && c.site === config.site)), config]);
  }

  remove(id: string): Promise<CollectorConfig[]> {
    return this.rewrite((collectors) => collectors.filter((c) => c.id !== id));
  }

  test(input: { url: string; site: string; token: string }): Promise<void> {
    return testCollector(input, this.fetchImpl, this.locale);
  }

  /**
   * Pulls from one collector, or all at once: each collector's network waits are its own, so a slow or hostile
   * one never holds up another; their writes into the book take turns. Each result (or error, in words) is kept
   * as that collector's last sync.
   */
  sync(id?: string): Promise<IntakeResult[]> {
    const run = this.running.then(() => this.syncNow(id));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async syncNow(id?: string): Promise<IntakeResult[]> {
    const chosen = (await this.load()).filter((c) => !id || c.id === id);
    const results = await Promise.all(chosen.map((collector) => this.syncOne(collector)));
    this.setSyncing(null);
    return results;
  }

  private async syncOne(collector: CollectorConfig): Promise<IntakeResult> {
    this.setSyncing({ collectorId: collector.id, fetched: 0 });
    let result: IntakeResult;
    let lastSync: LastSync;
    try {
      result = await syncCollector(this.book, collector, {
        savePage: (cursor, unreadable) => this.savePage(collector.id, cursor, unreadable),
        onProgress: (progress) => this.setSyncing(progress),
        fetchImpl: this.fetchImpl,
        locale: this.locale,
        exclusive: (work) => this.exclusive(work),
        requestTimeoutMs: this.requestTimeoutMs,
      });
      lastSync = { at: this.now().toISOString(), ok: true, message: '', added: result.added, unreadable: result.unreadable };
    } catch (error) {
      result = error instanceof SyncStopped ? error.result : emptyIntakeResult();
      lastSync = { at: this.now().toISOString(), ok: false, message: error instanceof Error ? error.message : String(error), added: result.added, unreadable: result.unreadable };
    }
    await this.update(collector.id, () => ({ lastSync }));
    return result;
  }

  private setSyncing(progress: SyncProgress | null): void {
    this.syncing = progress;
    this.onStateChange();
  }

  /** One book write at a time across collectors pulling together (their customers may be the same people). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.writing.then(work);
    this.writing = turn.catch(() => undefined);
    return turn;
  }

  /** The cursor and the items set aside on that page, saved together. */
  private savePage(id: string, cursor: string | null, unreadable: UnreadableItem[]): Promise<void> {
    const at = this.now().toISOString();
    return this.update(id, (config) => {
      const kept = [...(config.quarantine?.items ?? []), ...unreadable.map((item) => ({ ...item, at }))].slice(-QUARANTINE_KEPT);
      return { cursor, quarantine: { total: (config.quarantine?.total ?? 0) + unreadable.length, items: kept } };
    });
  }

  /** Read-modify-write of one collector's settings. */
  private async update(id: string, patch: (config: CollectorConfig) => Partial<CollectorConfig>): Promise<void> {
    await this.rewrite((collectors) => collectors.map((c) => (c.id === id ? { ...c, ...patch(c) } : c)));
  }

  /** Read-modify-write of the list; writes take turns, so a pull's progress and an add or remove never undo each other. */
  private rewrite(change: (collectors: CollectorConfig[]) => CollectorConfig[]): Promise<CollectorConfig[]> {
    const turn = this.saving.then(async () => {
      const collectors = change(await this.load());
      await this.storage.set(KEY, collectors);
      this.onStateChange();
      return collectors;
    });
    this.saving = turn.catch(() => undefined);
    return turn;
  }

  private async load(): Promise<CollectorConfig[]> {
    const stored = await this.storage.get(KEY);
    return Array.isArray(stored) ? (stored as CollectorConfig[]) : [];
  }
}
