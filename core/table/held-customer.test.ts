import { describe, expect, it } from 'vitest';
import { customer } from '../segments/testing/builders';
import { heldCustomer } from './held-customer';

describe('what the table keeps of a customer', () => {
  it('is what rows, figures and search read, as the record has it, and nothing else', () => {
    const record = customer('c1', {
      displayName: 'Ana Souza',
      identities: [
        { kind: 'whatsapp', value: '+5511987654321', raw: '(11) 98765-4321', addedAt: '2026-01-02T03:04:05.000Z' },
        { kind: 'email', value: 'ana@example.com', raw: 'ana@example.com', addedAt: '2026-01-02T03:04:05.000Z' },
      ],
      funnelStage: 'decision',
      tagIds: ['vip'],
    });
    const held = heldCustomer(record);
    expect(held).toEqual({
      id: 'c1',
      displayName: 'Ana Souza',
      identities: [
        { kind: 'whatsapp', value: '+5511987654321', raw: '(11) 98765-4321' },
        { kind: 'email', value: 'ana@example.com', raw: 'ana@example.com' },
      ],
      tagIds: ['vip'],
      funnelStage: 'decision',
      customFields: {},
      createdAt: record.createdAt,
      archivedAt: null,
    });
    // Another customer in another stage keeps theirs (stage names are shared, not confused).
    expect(heldCustomer(customer('c2', { funnelStage: 'interest' })).funnelStage).toBe('interest');
    expect(heldCustomer(customer('c3', { funnelStage: null })).funnelStage).toBeNull();
  });
});
