import { z } from '../zod';

/** Version of the book's record shapes; bumped together with a step in core/store/migrations. */
export const SCHEMA_VERSION = 6;

/** Record ids are opaque strings chosen by the writer (UUIDs in practice). */
export const recordId = z.string().trim().min(1, 'must not be empty').max(100, 'is too long (100 characters at most)');

/**
 * Instants are ISO-8601 strings with a time part. Any offset is accepted and stored in UTC
 * (2026-11-22T16:28:00-03:00 becomes 2026-11-22T19:28:00.000Z) so that stored dates sort as strings.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time such as 2026-11-22T19:28:00Z' })
  .transform((text) => new Date(text).toISOString());

/** ISO 4217 code in capitals, e.g. BRL, EUR. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as BRL');

/** Amounts are integer minor units (centavos, cêntimos): never floats. */
export const minorUnits = z.number().int('must be a whole number of minor units (centavos)').safe();

/** New record id; crypto.randomUUID exists in Node ≥ 19 and every browser we serve. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** Groups records by customer id, keeping input order within each group. */
export function groupByCustomer<T extends { customerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.customerId);
    if (group) group.push(row);
    else groups.set(row.customerId, [row]);
  }
  return groups;
}
