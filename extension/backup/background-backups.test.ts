import { resolveObjectURL } from 'node:buffer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openBook, type Book } from '../../core';
import { bookWithEverything, testBookName } from '../../core/store/test-book';
import { readBackupState, recordBackup } from './backup-settings';
import { makeBackup } from './book-worker-client';
import { inProcessWorker } from './in-process-worker';
import { relayBackups } from './offscreen-relay';
import { BookWorkerError } from './worker-protocol';

/**
 * The Chrome path, in-process: `browser` is a fake whose offscreen document runs the real relay (offscreen-relay.ts)
 * with the real worker code behind a MessageChannel, and whose downloads read the blob URL the relay made.
 */
const fake = vi.hoisted(() => ({
  granted: true,
  opened: [] as string[],
  offscreen: { created: [] as unknown[], open: false, closed: 0 },
  downloads: [] as { url: string; filename: string; text: string | null }[],
  interrupt: false,
  workerFails: false,
  onOffscreen: (() => undefined) as () => void,
}));

vi.mock('wxt/browser', () => {
  type Listener = (delta: unknown) => void;
  const changed = new Set<Listener>();
  return {
    browser: {
      permissions: { contains: async () => fake.granted },
      offscreen: {
        createDocument: async (options: unknown) => {
          if (fake.offscreen.open) throw new Error('Only a single offscreen document may be created.');
          fake.offscreen.created.push(options);
          fake.offscreen.open = true;
          fake.onOffscreen();
        },
        closeDocument: async () => {
          if (!fake.offscreen.open) throw new Error('No current offscreen document.');
          fake.offscreen.open = false;
          fake.offscreen.closed += 1;
        },
      },
      downloads: {
        onChanged: { addListener: (l: Listener) => changed.add(l), removeListener: (l: Listener) => changed.delete(l) },
        search: async () => [],
        download: async ({ url, filename }: { url: string; filename: string }) => {
          const blob = resolveObjectURL(url);
          fake.downloads.push({ url, filename, text: blob ? await blob.text() : null });
          const id = fake.downloads.length;
          setTimeout(() => changed.forEach((l) => l({ id, state: { current: fake.interrupt ? 'interrupted' : 'complete' }, ...(fake.interrupt ? { error: { current: 'FILE_NO_SPACE' } } : {}) })));
          return id;
        },
      },
    },
  };
});

const { BackgroundBackups } = await import('./background-backups');

/** A port pair as runtime.connect gives: what one side posts, the other hears. */
function portPair() {
  const make = () => {
    const messages = new Set<(message: never) => void>();
    const disconnects = new Set<() => void>();
    return { messages, disconnects, port: null as unknown as { postMessage(m: unknown): void } };
  };
  const [a, b] = [make(), make()];
  const side = (self: typeof a, other: typeof a) => ({
    name: 'clientela:offscreen-backup',
    postMessage: (message: unknown) => setTimeout(() => other.messages.forEach((l) => l(structuredClone(message) as never))),
    disconnect: () => other.disconnects.forEach((l) => l()),
    onMessage: { addListener: (l: (m: never) => void) => self.messages.add(l) },
    onDisconnect: { addListener: (l: () => void) => self.disconnects.add(l) },
  });
  return [side(a, b), side(b, a)] as const;
}

async function setUp(fill: (book: Book) => Promise<unknown> = bookWithEverything) {
  const name = testBookName();
  const book = await openBook({ name });
  await fill(book);
  const worker = inProcessWorker(() => openBook({ name }));
  const runner = new BackgroundBackups({ book, openBackupPage: () => fake.opened.push('book.html#backup-now'), timeZone: () => 'America/Sao_Paulo' });
  // What offscreen.html does when created: connect back, and relay backups to the book worker.
  fake.onOffscreen = () => {
    const [serviceWorkerSide, documentSide] = portPair();
    relayBackups(documentSide as never, (reason, options) =>
      fake.workerFails ? Promise.reject(new BookWorkerError('quota-exceeded', 'The disk is full')) : makeBackup(reason, { ...options, spawn: worker.spawn, locale: 'pt-BR', timeZone: 'America/Sao_Paulo' }),
    );
    runner.acceptOffscreenPort(serviceWorkerSide as never);
  };
  return { book, runner };
}

beforeEach(() => {
  Object.assign(fake, { granted: true, opened: [], downloads: [], interrupt: false, workerFails: false, offscreen: { created: [], open: false, closed: 0 } });
});

describe('backups made by the background (Chrome: through the offscreen document)', () => {
  it('without the downloads permission, opens the book page to save the file there', async () => {
    const { book, runner } = await setUp();
    fake.granted = false;
    expect(await runner.run('manual')).toEqual({ outcome: 'opened-book-page' });
    expect(fake.opened).toEqual(['book.html#backup-now']);
    expect(fake.offscreen.created).toEqual([]);
    expect((await readBackupState(book)).last).toBeNull();
  });

  it('writes the file in the offscreen document, downloads it into Clientela/, records it, then revokes the URL and closes the document', async () => {
    const { book, runner } = await setUp();
    const result = await runner.run('manual');
    expect(fake.offscreen.created).toEqual([{ url: '/offscreen.html', reasons: ['BLOBS'], justification: expect.any(String) }]);
    expect(fake.downloads).toHaveLength(1);
    const [download] = fake.downloads;
    expect(download?.filename).toMatch(/^Clientela\/clientela-backup-\d{4}-\d\d-\d\d_\d\d-\d\d\.json$/);
    expect(JSON.parse(download?.text ?? '')).toMatchObject({ format: 'clientela-backup', counts: { customers: 2, orders: 2 } });
    expect(result).toEqual({ outcome: 'saved', record: { at: expect.any(String), fileName: download?.filename, reason: 'manual', encrypted: false, counts: expect.objectContaining({ customers: 2 }), downloadId: 1 } });
    expect((await readBackupState(book)).last).toEqual(result.outcome === 'saved' ? result.record : null);
    await vi.waitFor(() => expect(resolveObjectURL(download!.url)).toBeUndefined());
    expect(fake.offscreen).toMatchObject({ open: false, closed: 1 });
  });

  it('records nothing when the browser interrupts the download, and still closes the document', async () => {
    const { book, runner } = await setUp();
    fake.interrupt = true;
    await expect(runner.run('manual')).rejects.toThrowError(/FILE_NO_SPACE/);
    expect((await readBackupState(book)).last).toBeNull();
    expect(fake.offscreen).toMatchObject({ open: false, closed: 1 });
  });

  it('passes on why the worker failed, downloads and records nothing, and closes the document', async () => {
    const { book, runner } = await setUp();
    fake.workerFails = true;
    const error = await runner.run('manual').catch((e: unknown) => e as BookWorkerError);
    expect(error).toBeInstanceOf(BookWorkerError);
    expect(error).toMatchObject({ code: 'quota-exceeded', message: 'The disk is full' });
    expect(fake.downloads).toEqual([]);
    expect((await readBackupState(book)).last).toBeNull();
    expect(fake.offscreen).toMatchObject({ open: false, closed: 1 });
  });

  it('on schedule: backs up when due and allowed, never an empty book, never twice', async () => {
    const empty = await setUp(async () => undefined);
    expect(await empty.runner.runIfDue()).toBeNull();
    expect(fake.offscreen.created).toEqual([]);

    const { book, runner } = await setUp();
    fake.granted = false;
    expect(await runner.runIfDue()).toBeNull();
    expect(fake.opened).toEqual([]);
    fake.granted = true;
    const record = await runner.runIfDue();
    expect(record).toMatchObject({ reason: 'scheduled', downloadId: 1 });
    expect(await runner.runIfDue()).toBeNull();
    expect(fake.downloads).toHaveLength(1);
    expect((await readBackupState(book)).history).toEqual([record]);
  });

  it('a copy already written recently counts: the schedule waits for the next one', async () => {
    const { book, runner } = await setUp();
    await recordBackup(book, { at: new Date(Date.now() - 60_000).toISOString(), fileName: 'Clientela/x.json', reason: 'manual', encrypted: false, counts: { tags: 0, customers: 2, orders: 0, notes: 0, feedback: 0, followUps: 0, segments: 0, quickReplies: 0 } });
    expect(await runner.runIfDue()).toBeNull();
    expect(fake.offscreen.created).toEqual([]);
  });

  it('a request while a backup is being written gets that backup', async () => {
    const { runner } = await setUp();
    const [first, second] = await Promise.all([runner.run('manual'), runner.run('manual')]);
    expect(second).toEqual(first);
    expect(fake.downloads).toHaveLength(1);
  });
});
