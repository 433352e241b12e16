import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { handleRequest } from './handle-request';

describe('background request handling', () => {
  it('answers a valid request from the book', async () => {
    const book = await openTestBook();
    const created = await handleRequest(book, { type: 'customers/create', displayName: 'Ana', identities: [{ kind: 'whatsapp', value: '5511987654321@c.us' }] });
    expect(created.ok).toBe(true);
    expect(await handleRequest(book, { type: 'book/summary' })).toEqual({ ok: true, data: { customerCount: 1 } });
    const found = await handleRequest(book, { type: 'customers/find-by-identity', kind: 'phone', value: '11 98765-4321' });
    expect(found.ok && (found.data as { customers: { displayName: string }[] }).customers.map((c) => c.displayName)).toEqual(['Ana']);
  });

  it('refuses a malformed message naming the bad field, and writes nothing', async () => {
    const book = await openTestBook();
    expect(await handleRequest(book, { type: 'customers/create', displayName: 'Ana', identities: [{ kind: 'fax', value: '1' }] })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Malformed request: identities\[0\]\.kind: /),
    });
    expect(await handleRequest(book, { type: 'customers/delete-everything' })).toEqual({ ok: false, error: expect.stringMatching(/^Malformed request: type: /) });
    expect(await handleRequest(book, 'book/summary')).toMatchObject({ ok: false });
    expect(await book.customers.count()).toBe(0);
  });

  it('turns a failure in the book into an error reply instead of a throw', async () => {
    const book = await openTestBook();
    const reply = await handleRequest(book, { type: 'customers/find-by-identity', kind: 'phone', value: 'não sei' });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/not a valid phone number/) });
  });
});
