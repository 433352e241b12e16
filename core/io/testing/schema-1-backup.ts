// A backup as Clientela wrote it at schema version 1 (before lastOrderAt, merges and saved segments), for the
// tests that prove old files still restore.
export function schemaVersion1Backup() {
  return {
    format: 'clientela-backup',
    schemaVersion: 1,
    exportedAt: '2025-06-01T00:00:00Z',
    counts: { tags: 0, customers: 1, orders: 1, notes: 0, feedback: 0, followUps: 0 },
    tags: [],
    customers: [
      {
        id: 'c1',
        displayName: 'Ana',
        identities: [],
        tagIds: [],
        funnelStage: null,
        customFields: {},
        consent: { marketing: false, recordedAt: null, source: null, text: null, version: null },
        notesCount: 0,
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
        archivedAt: null,
      },
    ],
    orders: [{ id: 'o1', customerId: 'c1', placedAt: '2025-03-01T07:00:00-03:00', totalMinor: 5000, currency: 'BRL', items: [], channel: 'whatsapp', source: 'manual', externalRef: null, status: 'paid' }],
    notes: [],
    feedback: [],
    followUps: [],
  };
}
