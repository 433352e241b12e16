import type { DBSchema } from 'idb';
import type { Customer, Feedback, FollowUp, Note, Order, QuickReply, Tag } from '../model';
import type { SavedSegment } from '../segments/rules';

/**
 * A customer as stored: the model plus keys only indexes need (derived in customer-rows.ts `toRow`, dropped by
 * `fromRow`, so backups never carry them): the lookup keys of its identities, the name folded for sorting, and
 * that name again while the customer has bought nothing (absent otherwise).
 */
export interface CustomerRow extends Customer {
  identityKeys: string[];
  sortName: string;
  neverBoughtName?: string;
}

/** Feedback as stored: the model plus the lookup keys of the contact it claims (unsigned), for the multi-entry index. */
export type FeedbackRow = Feedback & { claimKeys: string[] };

/** The book's IndexedDB layout at the current schema version (see migrations.ts for how it got here). */
export interface BookSchema extends DBSchema {
  customers: {
    key: string;
    value: CustomerRow;
    indexes: { identityKeys: string; tagIds: string; lastOrderAt: string; archivedAt: string; sortName: string; neverBoughtName: string; createdAt: string };
  };
  orders: { key: string; value: Order; indexes: { customerId: string; placedAt: string } };
  notes: { key: string; value: Note; indexes: { customerId: string } };
  tags: { key: string; value: Tag; indexes: { name: string } };
  feedback: { key: string; value: FeedbackRow; indexes: { customerId: string; externalId: string; claimKeys: string } };
  followUps: { key: string; value: FollowUp; indexes: { customerId: string; due: string } };
  segments: { key: string; value: SavedSegment };
  quickReplies: { key: string; value: QuickReply };
  meta: { key: string; value: unknown };
}

export type BookStoreName = 'customers' | 'orders' | 'notes' | 'tags' | 'feedback' | 'followUps' | 'segments' | 'quickReplies' | 'meta';

/**
 * The stores that hold records a backup carries, in the order a restore writes them. A store added later goes at
 * the end, so the stores of an older backup are a prefix of this list (see recordStoresAt).
 */
export const RECORD_STORES = ['tags', 'customers', 'orders', 'notes', 'feedback', 'followUps', 'segments', 'quickReplies'] as const;
export type RecordStoreName = (typeof RECORD_STORES)[number];

/** The schema version that added each record store after the first book (version 1 had the others). */
const STORE_SINCE: Partial<Record<RecordStoreName, number>> = { segments: 3, quickReplies: 6 };

/** The record stores a book (or a backup) at `schemaVersion` has, in RECORD_STORES order. */
export function recordStoresAt(schemaVersion: number): RecordStoreName[] {
  return RECORD_STORES.filter((store) => (STORE_SINCE[store] ?? 1) <= schemaVersion);
}

export const DEFAULT_BOOK_NAME = 'clientela-book';
