import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { readPixKey, savePixKey } from './pix-key';

describe('the chave PIX setting', () => {
  it('keeps every kind of chave as typed, removes it when emptied, and refuses text that is none, naming the field', async () => {
    const book = await openTestBook();
    expect(await readPixKey(book)).toBeNull();
    for (const key of ['123.456.789-09', '12345678909', '12.345.678/0001-95', '+55 11 98765-4321', '(11) 98765-4321', 'loja@exemplo.com.br', '123e4567-e89b-12d3-a456-426614174000']) {
      expect(await savePixKey(book, ` ${key} `)).toBe(key);
      expect(await readPixKey(book)).toBe(key);
    }
    for (const bad of ['loja', '1234', 'loja@', 'x'.repeat(80) + '@a.com']) {
      await expect(savePixKey(book, bad)).rejects.toThrowError(/^pixKey: ".*" is not a chave PIX/);
    }
    expect(await readPixKey(book)).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(await savePixKey(book, '   ')).toBeNull();
    expect(await readPixKey(book)).toBeNull();
  });
});
