import { fieldProblems, type Book } from '../../core';
import { requestSchema, type BookRequest, type BookResponses, type Reply } from '../messaging/protocol';

type Handlers = { [T in BookRequest['type']]: (request: Extract<BookRequest, { type: T }>) => Promise<BookResponses[T]> };

function handlersFor(book: Book): Handlers {
  return {
    'book/summary': async () => ({ customerCount: await book.customers.count() }),
    'customers/find-by-identity': async ({ kind, value }) => ({ customers: await book.customers.findByIdentity(kind, value) }),
    'customers/create': async ({ displayName, identities }) => ({ customer: await book.customers.create({ displayName, identities }) }),
  };
}

/**
 * Validates a message from a content script or page and runs it against the book. Never throws: the reply
 * carries the error in words, with the bad field named when the message itself was malformed.
 */
export async function handleRequest(book: Book, message: unknown): Promise<Reply<unknown>> {
  const parsed = requestSchema.safeParse(message);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error).map((p) => `${p.field}: ${p.message}`);
    return { ok: false, error: `Malformed request: ${problems.join('; ')}` };
  }
  const request = parsed.data;
  const handler = handlersFor(book)[request.type] as (r: BookRequest) => Promise<unknown>;
  try {
    return { ok: true, data: await handler(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
