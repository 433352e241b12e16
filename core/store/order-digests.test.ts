import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderDigests } from './order-digests';

describe('order digests', () => {
  it('keeps each id apart, numbers and their other spellings alike', () => {
    const digests = new OrderDigests('import:generic:');
    const ids = ['7', '007', '7.0', '1e3', '1000', '-0', '0', 'NaN', 'Infinity', '#1001', '', ' 7', '9007199254740993', '9007199254740992'];
    ids.forEach((own, index) => digests.set(`import:generic:${own}`, index));
    ids.forEach((own, index) => expect(digests.get(`import:generic:${own}`)).toBe(index));
    expect(digests.get('import:generic:8')).toBeUndefined();
  });

  it('answers for any id what was last set for it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)), fc.integer({ min: -(2 ** 30), max: 2 ** 30 - 1 }))), (entries) => {
        const digests = new OrderDigests('import:x:');
        const expected = new Map<string, number>();
        for (const [own, digest] of entries) {
          digests.set(`import:x:${own}`, digest);
          expected.set(own, digest);
        }
        for (const [own, digest] of expected) expect(digests.get(`import:x:${own}`)).toBe(digest);
      }),
    );
  });
});
