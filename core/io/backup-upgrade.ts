import { groupByCustomer, latestPaidOrderAt, type Order } from '../model';

/**
 * Brings the records of a backup written at an older schema version to the current shape, step by step, the
 * same way core/store/migrations.ts upgrades a database. Input is unvalidated JSON: shapes are checked after.
 */
export function upgradeBackupRecords(document: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let upgraded = document;
  if (fromVersion < 2) upgraded = toVersion2(upgraded);
  // Version 3 added saved segments; older books had none (and their counts said nothing about them).
  // Version 4 added the contact a feedback claims: older feedback claims none (the schema reads a missing claim as null).
  if (fromVersion < 3) upgraded = { ...upgraded, segments: upgraded.segments ?? [], counts: { ...(upgraded.counts as object), segments: 0 } };
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
