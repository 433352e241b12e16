import { z } from 'zod';
import { identityKindSchema, type Customer } from '../../core';

/**
 * The one protocol between content scripts (and extension pages) and the background, which owns the book.
 * The background validates every request with these schemas when it arrives: a content script runs beside a
 * page we do not control. Content scripts import only the types (see client.ts), so zod stays out of them.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('book/summary') }),
  z.object({ type: z.literal('customers/find-by-identity'), kind: identityKindSchema, value: z.string().min(1).max(320) }),
  z.object({
    type: z.literal('customers/create'),
    displayName: z.string().min(1).max(200),
    identities: z.array(z.object({ kind: identityKindSchema, value: z.string().min(1).max(320) })).max(10),
  }),
]);
export type BookRequest = z.infer<typeof requestSchema>;

/** What each request answers. */
export interface BookResponses {
  'book/summary': { customerCount: number };
  'customers/find-by-identity': { customers: Customer[] };
  'customers/create': { customer: Customer };
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Pushed by the background on CHANGES_PORT after every committed write. */
export interface ChangeMessage {
  type: 'book/changed';
  customerIds: string[];
  wholeBook?: boolean;
}
