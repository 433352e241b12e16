import { describe, expect, it } from 'vitest';
import { isEncryptedBackup, openBook, type BackupProgress, type Book } from '../../core';
import { addManyCustomers, bookWithEverything, testBookName } from '../../core/store/test-book';
import { setEncryption } from './backup-settings';
import { checkIntegrity, makeBackup, restoreBackup } from './book-worker-client';
import { inProcessWorker } from './in-process-worker';
import { BookWorkerError } from './worker-protocol';

const SP = { locale: 'pt-BR' as const, timeZone: 'America/Sao_Paulo' };

/** A book, and a worker that opens the same database itself, as the real one does. */
async function bookAndWorker(fill: (book: Book) => Promise<unknown> = bookWithEverything) {
  const name = testBookName();
  const book = await openBook({ name });
  await fill(book);
  return { book, ...inProcessWorker(() => openBook({ name })) };
}

const sorted = async (book: Book) => {
  const contents = await book.exportAll();
  return Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, [...(records as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id))]));
};

const failure = (promise: Promise<unknown>): Promise<BookWorkerError> =>
  promise.then(
    () => {
      throw new Error('it did not fail');
    },
    (error: unknown) => error as BookWorkerError,
  );

describe('the book worker, through its client', () => {
  it('makes a backup named in the seller’s zone, and restoring it gives back the same book', async () => {
    const { book, spawn, spawned } = await bookAndWorker();
    const before = await sorted(book);
    const progress: BackupProgress[] = [];
    const made = await makeBackup('manual', { ...SP, spawn, onProgress: (p) => progress.push(p) });
    expect(made).toMatchObject({ encrypted: false, reason: 'manual', counts: { tags: 1, customers: 2, orders: 2, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 } });
    expect(made.fileName).toMatch(/^Clientela\/clientela-backup-\d{4}-\d\d-\d\d_\d\d-\d\d\.json$/);
    expect(JSON.parse(await made.blob.text())).toMatchObject({ format: 'clientela-backup', exportedAt: made.at, counts: made.counts });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.phase === 'reading')).toBe(true);

    await book.customers.create({ displayName: 'Depois da cópia', identities: [] });
    expect(await restoreBackup(made.blob, { spawn })).toEqual(made.counts);
    expect(await sorted(book)).toEqual(before);
    expect(spawned.map((worker) => worker.terminated)).toEqual([true, true]);
  });

  it('encrypts with the stored key; a restore needs the passphrase and tells a wrong one apart', async () => {
    const { book, spawn } = await bookAndWorker();
    const before = await sorted(book);
    await setEncryption(book, 'cavalo correto bateria');
    const made = await makeBackup('before-restore', { ...SP, spawn });
    expect(made.encrypted).toBe(true);
    expect(made.fileName).toMatch(/-antes-de-restaurar\.clientela$/);
    const bytes = new Uint8Array(await made.blob.arrayBuffer());
    expect(isEncryptedBackup(bytes.subarray(0, 64))).toBe(true);
    expect(new TextDecoder().decode(bytes)).not.toContain('Ana Souza');

    await book.customers.create({ displayName: 'Depois da cópia', identities: [] });
    const changed = await sorted(book);
    const missing = await failure(restoreBackup(made.blob, { spawn }));
    expect(missing).toBeInstanceOf(BookWorkerError);
    expect(missing.code).toBe('needs-passphrase');
    expect((await failure(restoreBackup(made.blob, { spawn, passphrase: 'cavalo errado bateria' }))).code).toBe('wrong-passphrase');
    expect(await sorted(book)).toEqual(changed);
    await restoreBackup(made.blob, { spawn, passphrase: 'cavalo correto bateria' });
    expect(await sorted(book)).toEqual(before);
  });

  it('refuses a file that is not a backup, saying why and where, and leaves the book as it was', async () => {
    const { book, spawn } = await bookAndWorker();
    const before = await sorted(book);
    const made = await makeBackup('manual', { ...SP, spawn });
    const lines = (await made.blob.text()).split('\n');
    const orderLine = lines.findIndex((line) => line.includes('"totalMinor":123456'));
    lines[orderLine] = lines[orderLine]!.replace('"totalMinor":123456', '"totalMinor":12.5');
    const error = await failure(restoreBackup(new Blob([lines.join('\n')]), { spawn }));
    expect(error.code).toBe('invalid-records');
    expect(error.problems[0]).toMatchObject({ field: expect.stringMatching(/^orders\[\d+\]\.totalMinor$/), line: orderLine + 1 });
    expect((await failure(restoreBackup(new Blob(['{"contacts": []}']), { spawn }))).code).toBe('not-backup');
    expect((await failure(restoreBackup(new Blob(['não é json']), { spawn }))).code).toBe('not-json');
    expect(await sorted(book)).toEqual(before);
  });

  it('cancels a restore midway: the promise rejects with "cancelled" and the book is exactly as before', async () => {
    const { book, spawn } = await bookAndWorker((b) => addManyCustomers(b, 1200, 1));
    const made = await makeBackup('manual', { ...SP, spawn });
    await book.replaceAll({ tags: [], customers: [], orders: [], notes: [], feedback: [], followUps: [], segments: [], quickReplies: [] });
    await bookWithEverything(book);
    const before = await sorted(book);
    const controller = new AbortController();
    const phases: string[] = [];
    const error = await failure(
      restoreBackup(made.blob, {
        spawn,
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'writing' && p.done > 0) controller.abort();
        },
      }),
    );
    expect(phases).toContain('writing');
    expect(error.code).toBe('cancelled');
    expect(await sorted(book)).toEqual(before);
    // fake-indexeddb is slow and the suite shares two cores: a generous limit, not a speed claim.
  }, 30_000);

  it('does not start when already cancelled', async () => {
    const { spawn, spawned } = await bookAndWorker(async () => undefined);
    expect((await failure(makeBackup('manual', { spawn, signal: AbortSignal.abort() }))).code).toBe('cancelled');
    expect(spawned).toEqual([]);
  });

  it('checks integrity without changing anything', async () => {
    const { book, spawn } = await bookAndWorker();
    const before = await sorted(book);
    const report = await checkIntegrity({ spawn });
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ tags: 1, customers: 2, orders: 2, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 });
    expect(await sorted(book)).toEqual(before);
  });
});
