import type { DBSchema } from 'idb';
import type { Customer, Feedback, FollowUp, Note, Order, Tag } from '../model';
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
  meta: { key: string; value: unknown };
}

export type BookStoreName = 'customers' | 'orders' | 'notes' | 'tags' | 'feedback' | 'followUps' | 'segments' | 'meta';

/** The stores that hold records a backup carries, in the order a restore writes them. */
export const RECORD_STORES = ['tags', 'customers', 'orders', 'notes', 'feedback', 'followUps', 'segments'] as const;
export type RecordStoreName = (typeof RECORD_STORES)[number];

export const DEFAULT_BOOK_NAME = 'clientela-book';
