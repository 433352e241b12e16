import { describe, expect, it } from 'vitest';
import { groupPurchaseRows } from './row-groups';

describe('groupPurchaseRows', () => {
  it('merges identical rows into weighted groups and ignores recency when frequency is 0', () => {
    const groups = groupPurchaseRows([
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 0, recency: 3, T: 10 },
      { frequency: 2, recency: 4, T: 10 },
      { frequency: 2, recency: 4, T: 10 },
      { frequency: 2, recency: 5, T: 10 },
    ]);
    expect(groups.size).toBe(3);
    expect(Array.from(groups.weight)).toEqual([2, 2, 1]);
    expect(groups.totalWeight).toBe(5);
    expect(Array.from(groups.distinctT)).toEqual([10]);
    expect(Array.from(groups.distinctRecency)).toEqual([0, 4, 5]);
  });
});
