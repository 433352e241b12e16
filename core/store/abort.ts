/** The error a cancelled bulk operation rejects with: the signal's reason, or an AbortError like fetch's. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was cancelled', 'AbortError');
}
