import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalContact, hmacSha256, isSignedContact, signContact } from './contact-signature';

describe('contact signature', () => {
  it('signs the documented canonical string, so any language can reproduce it', () => {
    expect(canonicalContact({ email: '  Ana.Souza@Example.COM ', phone: '+55 (11) 98765-4321' })).toBe('clientela-contact-v1\nana.souza@example.com\n+5511987654321');
    expect(canonicalContact({ phone: '912 345 678' })).toBe('clientela-contact-v1\n\n912345678');
    const expected = createHmac('sha256', 'segredo-da-loja').update('clientela-contact-v1\nana@example.com\n').digest('hex');
    expect(signContact('segredo-da-loja', { email: 'ana@example.com' })).toBe(expected);
  });

  it('verifies the same contact however it is spelled, and nothing else', () => {
    const token = signContact('s3cret-s3cret-s3cret', { email: 'ana@example.com', phone: '+5511987654321' });
    expect(isSignedContact('s3cret-s3cret-s3cret', { email: 'ANA@example.com ', phone: '+55 11 98765-4321' }, token)).toBe(true);
    expect(isSignedContact('s3cret-s3cret-s3cret', { email: 'ana@example.com', phone: '+55 11 98765-4321' }, token.toUpperCase())).toBe(true);
    expect(isSignedContact('s3cret-s3cret-s3cret', { email: 'ana@example.com' }, token)).toBe(false);
    expect(isSignedContact('other-secret-value', { email: 'ana@example.com', phone: '+5511987654321' }, token)).toBe(false);
    expect(isSignedContact('s3cret-s3cret-s3cret', { email: 'ana@example.com', phone: '+5511987654321' }, token.slice(0, 63))).toBe(false);
    expect(isSignedContact('s3cret-s3cret-s3cret', { email: 'ana@example.com', phone: '+5511987654321' }, undefined)).toBe(false);
  });

  it('never verifies a contact without email or phone (a name alone binds nothing)', () => {
    const token = signContact('s3cret-s3cret-s3cret', {});
    expect(isSignedContact('s3cret-s3cret-s3cret', {}, token)).toBe(false);
  });

  it('computes the same HMAC-SHA256 as node:crypto for any secret and message, long keys included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 300 }), (secret, message) => {
        expect(hmacSha256(secret, message).toString('hex')).toBe(createHmac('sha256', secret).update(message, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    // RFC 4231 test case 2.
    expect(hmacSha256('Jefe', 'what do ya want for nothing?').toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});
