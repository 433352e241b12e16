import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from './ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('idempotency keys', () => {
  it('uses crypto.randomUUID where it exists', () => {
    const crypto = { randomUUID: () => '11111111-2222-4333-8444-555555555555' } as unknown as Crypto;
    expect(newId(crypto, Math.random)).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('builds a v4 UUID from getRandomValues outside secure contexts', () => {
    const crypto = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as unknown as Crypto;
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) ids.add(newId(crypto, Math.random));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('sets the version and variant bits whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const crypto = { getRandomValues: (target: Uint8Array) => target.set(bytes) } as unknown as Crypto;
        expect(newId(crypto, Math.random)).toMatch(UUID_V4);
      }),
    );
  });

  it('still produces a well-formed id with no Web Crypto at all', () => {
    expect(newId(undefined, Math.random)).toMatch(UUID_V4);
  });
});
