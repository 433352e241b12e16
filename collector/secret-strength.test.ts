import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weakSecretReason } from './secret-strength';

describe('weakSecretReason', () => {
  it('accepts random secrets in the usual encodings at their shortest', () => {
    for (const random of [
      '88d42064c4782c603d8c6a0395c9afa2', // openssl rand -hex 16
      'E85817DB550683E4270029E0FAC2EEB5',
      'JKOF793XcEDCj9/fyo5+AA==', // openssl rand -base64 16
      'DbX92K0cdwOzPDm65yzrGX', // 22 base64url characters
      '`MJ\\DE*y[xqqJDFBq(|K', // 20 printable ASCII characters
      '795593202211603172015280760429792707863', // 39 decimal digits
    ]) {
      expect(weakSecretReason(random), random).toBeNull();
    }
  });

  it('refuses fewer than 128 bits by length and alphabet, saying how many characters it takes', () => {
    expect(weakSecretReason('DbX92K0cdwOzPDm65yzrG')).toBe('is too short: 21 base64url characters carry at most 126 bits; 128 need 22');
    expect(weakSecretReason('88d42064c4782c603d8c6a0395c9afa')).toBe('is too short: 31 hex characters carry at most 124 bits; 128 need 32');
    expect(weakSecretReason('79559320221160317201528076042979270786')).toBe('is too short: 38 decimal characters carry at most 126 bits; 128 need 39');
  });

  it('refuses any string too short for its alphabet, whatever its characters', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{1,31}$/);
    const base64url = fc.stringMatching(/^[A-Za-z0-9_-]{1,21}$/);
    const printable = fc.string({ minLength: 1, maxLength: 19, unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)) });
    fc.assert(
      fc.property(fc.oneof(hex, base64url, printable), (text) => {
        expect(weakSecretReason(text)).toMatch(/^is too short/);
      }),
    );
  });

  it('refuses characters outside printable ASCII, and spaces', () => {
    for (const text of ['ção-DbX92K0cdwOzPDm65yzrGX', 'DbX92K0cdwOz\tPDm65yzrGX', 'DbX92K0cdwOz PDm65yzrGX']) {
      expect(weakSecretReason(text), text).toBe('must be printable ASCII without spaces (letters, digits, punctuation)');
    }
  });

  it.each([
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', /too few distinct characters/],
    ['correct-horse-battery-staple-xkcd', /too few distinct characters/],
    ['P@ssw0rd-P@ssw0rd-P@ssw0rd', /too few distinct characters/],
    ['shop-read-token-0123456789', /run of 6/],
    ['Xk3p9ZzzzzzzQm2Lw7Rt4Vb8Nc', /run of 6/],
    ['segredo-da-loja-987654', /run of 6/],
    ['token-de-leitura-da-loja-e2e', /reads as words/],
    ['MinhaLojaDeRoupas2026!SenhaForte', /reads as words/],
    ['minha.senha.muito.secreta.da.loja.2026', /reads as words/],
  ])('refuses the made-up %s', (text, reason) => {
    expect(weakSecretReason(text)).toMatch(reason);
  });
});
