import type { CommitBatcherOptions } from './commit-batcher';
import type { FeedbackStore } from './feedback-store';
import { PostgresFeedbackStore } from './postgres-store';
import { SqliteFeedbackStore } from './sqlite-store';

/** Where feedback goes: PostgreSQL when `databaseUrl` is given, else `<dataDir>/collector.sqlite`. */
export interface StoreLocation {
  dataDir: string;
  /** `postgres://…`: a database several collector processes share (see collector/README.md). */
  databaseUrl?: string;
}

/** Opens the store the location names; `commits` reports slow group commits either way. */
export function openFeedbackStore(location: StoreLocation, commits: CommitBatcherOptions = {}): Promise<FeedbackStore> {
  if (location.databaseUrl) return PostgresFeedbackStore.open(location.databaseUrl, commits);
  return Promise.resolve(SqliteFeedbackStore.open(location.dataDir, commits));
}
