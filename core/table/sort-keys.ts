import { ACTIVITY_STATUSES, LIFECYCLE_STAGES, RFM_SEGMENT_IDS } from '../segments';
import { KeptRow, type CustomerRow } from './customer-row';
import type { TableColumn, TableSort } from './query';

/** A column's value as it sorts: text (collated), a number, or null (always last). */
export type SortKey = string | number | null;

/** Looks a tag's name up (tags sort by their names, not their ids). */
export type TagNames = ReadonlyMap<string, string>;

const rank = <T extends string>(list: readonly T[]) => new Map(list.map((value, index) => [value, index] as const));
const ACTIVITY_RANK = rank(ACTIVITY_STATUSES);
const SEGMENT_RANK = rank(RFM_SEGMENT_IDS);
const STAGE_RANK = rank(LIFECYCLE_STAGES);

/**
 * The key a row sorts by in a column. Enums sort in their defined order (activity from prospect to lost, RFM
 * segments from champions to lost, lifecycle from prospect to recovery), money by the main currency's amount,
 * tags by their names joined in collation order.
 */
export function sortKeyOf(row: CustomerRow, column: TableColumn, tagNames: TagNames, collator: Intl.Collator, mainCurrency: string): SortKey {
  switch (column) {
    case 'name':
      return row.name;
    case 'contacts': {
      // The normalized value without its + or @, so phones, handles and emails sort by what follows.
      const first = row.contacts[0];
      return first ? first.value.replace(/^[+@]/, '') : null;
    }
    case 'tags': {
      if (row.tagIds.length === 0) return null;
      return row.tagIds.map((id) => tagNames.get(id) ?? '').sort(collator.compare).join('\u0000');
    }
    case 'activity':
      return ACTIVITY_RANK.get(row.activity) ?? null;
    case 'segment':
      return row.segment === null ? null : (SEGMENT_RANK.get(row.segment) ?? null);
    case 'stage':
      return STAGE_RANK.get(row.stage) ?? null;
    // A kept row has the numbers behind its date and money (its text and lists are made when read).
    case 'lastPurchase':
      if (row instanceof KeptRow) return row.lastPurchaseMs;
      return row.lastPurchaseAt === null ? null : Date.parse(row.lastPurchaseAt);
    case 'totalSpent':
      if (row instanceof KeptRow) return row.mainSpentMinor;
      return row.totalSpent.length === 0 ? null : (row.totalSpent.find((money) => money.currency === mainCurrency)?.minor ?? 0);
    case 'orders':
      return row.orders;
    case 'predictedValue':
      if (row instanceof KeptRow) return row.predictedMinor;
      return row.predictedValue?.minor ?? null;
    case 'alive':
      if (row instanceof KeptRow) return row.aliveMilli;
      return row.probabilityAlive === null ? null : Math.round(row.probabilityAlive * 1000);
  }
}

/**
 * Orders (key, id) pairs: nulls last in both directions, then the key in the asked direction, then the id
 * ascending, so equal keys keep one stable order and every window of a list agrees with the others.
 */
export function compareKeys(collator: Intl.Collator, direction: TableSort['direction']) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: SortKey, aId: string, b: SortKey, bId: string): number => {
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const byKey = typeof a === 'string' && typeof b === 'string' ? collator.compare(a, b) : (a as number) - (b as number);
      if (byKey !== 0) return sign * byKey;
    }
    return aId < bId ? -1 : aId > bId ? 1 : 0;
  };
}
