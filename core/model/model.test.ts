import { describe, expect, it } from 'vitest';
import { customerSchema, feedbackSchema, orderSchema, parseRecord, tagSchema, ValidationError, NO_CONSENT } from '.';

const customer = {
  id: 'c1',
  displayName: 'Ana Souza',
  identities: [{ kind: 'phone', value: '+5511987654321', raw: '11 98765-4321', addedAt: '2026-01-02T10:00:00Z' }],
  tagIds: [],
  funnelStage: null,
  customFields: {},
  consent: NO_CONSENT,
  notesCount: 0,
  lastOrderAt: null,
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
  archivedAt: null,
  merges: [],
};

describe('record schemas', () => {
  it('accepts a valid customer and stores instants in UTC', () => {
    const parsed = parseRecord(customerSchema, { ...customer, createdAt: '2026-01-02T07:00:00-03:00' }, 'The customer');
    expect(parsed.createdAt).toBe('2026-01-02T10:00:00.000Z');
  });

  it('rejects an invalid record with a message naming the field', () => {
    const bad = { ...customer, identities: [{ ...customer.identities[0], kind: 'fax' }] };
    expect(() => parseRecord(customerSchema, bad, 'The customer')).toThrowError(/identities\[0\]\.kind/);
    try {
      parseRecord(customerSchema, { ...customer, displayName: '  ' }, 'The customer');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toEqual([{ field: 'displayName', message: 'must not be empty' }]);
    }
  });

  it('keeps money in integer minor units with an ISO currency', () => {
    const order = {
      id: 'o1',
      customerId: 'c1',
      placedAt: '2026-01-02T10:00:00Z',
      totalMinor: 123456,
      currency: 'BRL',
      items: [],
      channel: 'whatsapp',
      source: 'manual',
      externalRef: null,
      status: 'paid',
    };
    expect(parseRecord(orderSchema, order, 'The order').totalMinor).toBe(123456);
    expect(() => parseRecord(orderSchema, { ...order, totalMinor: 1234.56 }, 'The order')).toThrowError(/totalMinor: must be a whole number/);
    expect(() => parseRecord(orderSchema, { ...order, currency: 'R$' }, 'The order')).toThrowError(/currency/);
  });

  it('checks a score against its kind: CSAT 1–5, NPS 0–10', () => {
    const base = { id: 'f', customerId: 'c1', comment: null, receivedAt: '2026-01-02T10:00:00Z', source: 'manual', verified: false, externalId: null };
    expect(feedbackSchema.safeParse({ ...base, kind: 'nps', score: 9 }).success).toBe(true);
    expect(feedbackSchema.safeParse({ ...base, kind: 'csat', score: 9 }).success).toBe(false);
    expect(feedbackSchema.safeParse({ ...base, kind: 'csat', score: 0 }).success).toBe(false);
  });

  it('takes a tag colour as #rrggbb and a single-key shortcut', () => {
    expect(tagSchema.safeParse({ id: 't', name: 'VIP', colour: '#1a7f37', key: '1', position: 0 }).success).toBe(true);
    expect(() => parseRecord(tagSchema, { id: 't', name: 'VIP', colour: 'green', key: 'ctrl+1', position: 0 }, 'The tag')).toThrowError(
      /colour: must be a colour.*key: must be one letter or digit/,
    );
  });
});
