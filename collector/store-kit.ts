// Fixtures of the tests every store kind must pass (not itself a test file).
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FeedbackStore } from './feedback-store';
import { openFeedbackStore } from './open-store';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { collectorEnv, tempDir } from './test-kit';

export const STORE_KINDS = ['SQLite', 'PostgreSQL'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Starting a cluster runs initdb: seconds on an idle machine, far more on a busy 2-core one. */
const CLUSTER_TIMEOUT_MS = 180_000;

/** A fresh, empty place to keep feedback, with a temp folder (data folder and sites file of spawned collectors). */
export interface StorePlace {
  dir: string;
  /** Environment for spawnCollector: this folder, a sites file listing SHOP, and the database URL for PostgreSQL. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Opens a store on this place; each call is another connection, as another process would have. */
  open(): Promise<FeedbackStore>;
  /**
   * PostgreSQL only: kills the database server without a shutdown checkpoint and starts it again. (SQLite has no
   * server: its database engine dies with the collector process.)
   */
  crashDatabaseServer?: () => Promise<void>;
}

/**
 * Sets up `kind` for the current describe block (PostgreSQL: a throw-away cluster, stopped after the block) and
 * returns a maker of fresh places; a place's stores are closed and its folder removed after each test.
 */
export function storePlaces(kind: StoreKind): () => Promise<StorePlace> {
  let cluster: PgCluster | undefined;
  if (kind === 'PostgreSQL') {
    beforeAll(async () => void (cluster = await startPgCluster()), CLUSTER_TIMEOUT_MS);
    afterAll(() => cluster?.stop(), CLUSTER_TIMEOUT_MS);
  }
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  let databases = 0;
  return async () => {
    const temp = tempDir();
    const stores: FeedbackStore[] = [];
    cleanups.push(async () => {
      await Promise.all(stores.map((store) => store.close()));
      temp.remove();
    });
    const server = kind === 'PostgreSQL' ? cluster : undefined;
    if (kind === 'PostgreSQL' && !server) throw new Error('the PostgreSQL cluster did not start (see the beforeAll error)');
    const databaseUrl = await server?.createDatabase(`feedback_${(databases += 1)}`);
    return {
      dir: temp.dir,
      env: (extra = {}) => collectorEnv(temp.dir, { ...(databaseUrl ? { CLIENTELA_DATABASE_URL: databaseUrl } : {}), ...extra }),
      open: async () => {
        const store = await openFeedbackStore({ dataDir: temp.dir, databaseUrl });
        stores.push(store);
        return store;
      },
      crashDatabaseServer: server && (() => server.crashAndRestart()),
    };
  };
}
