import type { Book, IntakeResult } from '../../core';
import { newId } from '../../core';
import { browserLocale, translate, type Locale } from '../ui/i18n';
import { syncCollector, testCollector, type CollectorConfig, type SyncProgress } from './collector-sync';

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

  constructor(
    private readonly book: Book,
    private readonly storage: KeyValueStore,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => Date = () => new Date(),
    /** The language of the errors it keeps and throws (the browser's). */
    private readonly locale: Locale = browserLocale(),
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
    const collectors = [...(await this.load()).filter((c) => !(c.url === config.url && c.site === config.site)), config];
    await this.storage.set(KEY, collectors);
    return collectors;
  }

  async remove(id: string): Promise<CollectorConfig[]> {
    const collectors = (await this.load()).filter((c) => c.id !== id);
    await this.storage.set(KEY, collectors);
    return collectors;
  }

  test(input: { url: string; site: string; token: string }): Promise<void> {
    return testCollector(input, this.fetchImpl, this.locale);
  }

  /** Pulls from one collector, or all; each result (or error, in words) is kept as that collector's last sync. */
  sync(id?: string): Promise<IntakeResult[]> {
    const run = this.running.then(() => this.syncNow(id));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async syncNow(id?: string): Promise<IntakeResult[]> {
    const results: IntakeResult[] = [];
    for (const collector of (await this.load()).filter((c) => !id || c.id === id)) {
      this.syncing = { collectorId: collector.id, fetched: 0 };
      let lastSync: CollectorConfig['lastSync'];
      try {
        const result = await syncCollector(
          this.book,
          collector,
          (cursor) => this.update(collector.id, { cursor }),
          (progress) => (this.syncing = progress),
          this.fetchImpl,
          this.locale,
        );
        results.push(result);
        lastSync = { at: this.now().toISOString(), ok: true, message: '', added: result.added };
      } catch (error) {
        lastSync = { at: this.now().toISOString(), ok: false, message: error instanceof Error ? error.message : String(error), added: 0 };
      }
      await this.update(collector.id, { lastSync });
    }
    this.syncing = null;
    return results;
  }

  private async update(id: string, patch: Partial<CollectorConfig>): Promise<void> {
    const collectors = (await this.load()).map((c) => (c.id === id ? { ...c, ...patch } : c));
    await this.storage.set(KEY, collectors);
  }

  private async load(): Promise<CollectorConfig[]> {
    const stored = await this.storage.get(KEY);
    return Array.isArray(stored) ? (stored as CollectorConfig[]) : [];
  }
}
