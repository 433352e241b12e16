import 'fake-indexeddb/auto';
import { openBook, type Book } from './book';

let counter = 0;

/** A fresh book in fake-indexeddb with a fixed clock, for unit tests. */
export async function openTestBook(now = new Date('2026-11-22T12:00:00.000Z')): Promise<Book> {
  counter += 1;
  return openBook({ name: `test-book-${counter}-${Math.random()}`, now: () => now });
}
