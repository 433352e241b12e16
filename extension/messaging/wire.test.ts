import { describe, expect, it } from 'vitest';
import { unwrapReply } from './client';
import { fromWire, toWire, type Reply } from './protocol';

describe('replies across runtime messaging', () => {
  it('carry the data as one JSON string and give back the same data', () => {
    const data = { total: 2, version: 7, predictions: 'pending', rows: [{ id: 'a', name: 'Ana <b>', lastPurchaseAt: null, totalSpent: [{ currency: 'BRL', minor: 123_456 }] }] };
    const wire = toWire({ ok: true, data });
    expect(wire).toEqual({ ok: true, json: JSON.stringify(data) });
    expect(unwrapReply(fromWire(wire))).toEqual(data);
    // A handler answering nothing still answers.
    expect(unwrapReply(fromWire(toWire({ ok: true, data: undefined })))).toBeNull();
  });

  it('pass a refusal through in the answerer’s words, and say when nobody answered', () => {
    const refusal: Reply<never> = { ok: false, error: 'Malformed request: limit: Too big' };
    expect(toWire(refusal)).toEqual(refusal);
    expect(() => unwrapReply(fromWire(toWire(refusal)))).toThrow('Malformed request: limit: Too big');
    expect(() => unwrapReply(fromWire(undefined))).toThrow('did not answer');
  });
});
