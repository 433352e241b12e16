import { groupByCustomer, latestPaidOrderAt, type Order } from '../model';
import type { RecordStoreName } from '../store';

/**
 * Brings the records of a backup written at an older schema version to the current shape, step by step, the
 * same way core/store/migrations.ts upgrades a database. Input is unvalidated JSON: shapes are checked after.
 */
export function upgradeBackupRecords(document: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let upgraded = document;
  if (fromVersion < 2) upgraded = toVersion2(upgraded);
  // Version 3 added saved segments; older books had none (and their counts said nothing about them).
  // Version 4 added the contact a feedback claims: older feedback claims none (the schema reads a missing claim as null).
  // Version 5 added only index keys the store derives on write (customers' sort names): records are unchanged.
  if (fromVersion < 3) upgraded = { ...upgraded, segments: upgraded.segments ?? [], counts: { ...(upgraded.counts as object), segments: 0 } };
  // Version 6 added quick replies (older books had none) and tags' place in the seller's list.
  if (fromVersion < 6) {
    const tags = Array.isArray(upgraded.tags) ? upgraded.tags.map((tag: unknown) => upgradeBackupRecord('tags', tag, fromVersion)) : upgraded.tags;
    upgraded = { ...upgraded, tags, quickReplies: upgraded.quickReplies ?? [], counts: { ...(upgraded.counts as object), quickReplies: 0 } };
  }
  return upgraded;
}

// Version 2 added customers' lastOrderAt (derived from their paid orders) and merges.
function toVersion2(document: Record<string, unknown>): Record<string, unknown> {
  const orders = Array.isArray(document.orders) ? (document.orders as Order[]) : [];
  // Unvalidated JSON: skip what is not even an object; the schema check after the upgrade names it.
  const byCustomer = groupByCustomer(orders.filter((order) => typeof order === 'object' && order !== null));
  if (!Array.isArray(document.customers)) return document;
  return {
    ...document,
    customers: document.customers.map((customer: unknown) => {
      if (typeof customer !== 'object' || customer === null) return customer;
      const { id, merges } = customer as { id?: string; merges?: unknown };
      return { ...customer, lastOrderAt: latestPaidOrderAt(byCustomer.get(id ?? '') ?? []), merges: merges ?? [] };
    }),
  };
}

/**
 * Files at this schema version or later are upgraded record by record as they are read (the line-per-record
 * layout, first written at version 4); older ones are read whole and upgraded with upgradeBackupRecords.
 * A future step that needs more than the record itself (as version 2 needed each customer's orders) raises this
 * to its version: files from before it are still one JSON document, so the whole-document path reads them.
 */
export const RECORD_BY_RECORD_SINCE = 4;

/**
 * Brings one record of a backup written at `fromVersion` (≥ RECORD_BY_RECORD_SINCE, or older through
 * upgradeBackupRecords) to the current shape, before it is validated. Records are the same at 4 and 5 (5 added
 * only derived index keys). Version 6 gave tags a place in the seller's list: older tags all take place 0, which
 * lists them in name order, as they were shown then. (The stores an older file lacks: see recordStoresAt.)
 */
export function upgradeBackupRecord(store: RecordStoreName, record: unknown, fromVersion: number): unknown {
  if (fromVersion < 6 && store === 'tags' && typeof record === 'object' && record !== null && !('position' in record)) return { ...record, position: 0 };
  return record;
}
