/** Largest POST body accepted, in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A body as read within its limit, or why there is none: too large, or the connection ended first. */
export type BoundedBody = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'incomplete' };

/**
 * Reads a request body as UTF-8, refusing anything over `limit` bytes without holding more than that.
 * With a Content-Length (what browsers send), an over-limit length is refused before reading, and an
 * in-limit one is read in one go: the HTTP parser never delivers more body than the declared length.
 * Without one (chunked), chunks are counted as they arrive and reading stops at the first byte over.
 * Reading fails only when the connection does (the client left, or the server's request timeout cut it): that
 * is the client's doing, reported as `incomplete` rather than thrown as a server error.
 */
export async function readBoundedBody(request: Request, limit = MAX_BODY_BYTES): Promise<BoundedBody> {
  try {
    return await readWithin(request, limit);
  } catch {
    return { ok: false, reason: 'incomplete' };
  }
}

async function readWithin(request: Request, limit: number): Promise<BoundedBody> {
  const header = request.headers.get('content-length');
  if (header !== null && /^\d+$/.test(header)) {
    if (Number(header) > limit) return { ok: false, reason: 'too-large' };
    // The Node adapter's text() decodes the bytes it read from the socket in place (no web stream, no copy).
    const text = await request.text();
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so short texts need no count (the parser already capped it).
    if (text.length * 3 > limit && Buffer.byteLength(text) > limit) return { ok: false, reason: 'too-large' };
    return { ok: true, text };
  }
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString('utf8') };
}
