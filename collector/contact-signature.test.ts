import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalContact, isSignedContact, signContact } from './contact-signature';

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
});
