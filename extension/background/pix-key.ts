import type { Book } from '../../core';

/** Where the seller's chave PIX is kept: the book's `meta` store, beside the time zone (i18n/time-zone.ts). */
export const PIX_KEY = 'settings.pixKey';

/** The kinds of chave PIX the Banco Central lets a seller register (DICT): each is matched as people type them. */
const PIX_KEY_SHAPES: readonly RegExp[] = [
  /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/, // CPF, 11 digits
  /^\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}$/, // CNPJ, 14 digits
  /^\+?(55)?\s?\(?\d{2}\)?\s?9?\d{4}[-\s]?\d{4}$/, // celular
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/, // e-mail
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // chave aleatória (EVP)
];

/** The seller's chave PIX, or null when they have not given one. */
export async function readPixKey(book: Pick<Book, 'meta'>): Promise<string | null> {
  const stored = await book.meta.get(PIX_KEY);
  return typeof stored === 'string' && stored !== '' ? stored : null;
}

/**
 * Saves the chave PIX as typed (it is sent to customers as the seller wrote it); an empty text removes it.
 * Throws a RangeError naming the field for text that is no kind of chave PIX.
 */
export async function savePixKey(book: Pick<Book, 'meta'>, text: string): Promise<string | null> {
  const key = text.trim();
  if (key === '') {
    await book.meta.delete(PIX_KEY);
    return null;
  }
  if (key.length > 77 || !PIX_KEY_SHAPES.some((shape) => shape.test(key))) {
    throw new RangeError(`pixKey: "${key}" is not a chave PIX (a CPF, CNPJ, e-mail, celular or chave aleatória)`);
  }
  await book.meta.set(PIX_KEY, key);
  return key;
}
