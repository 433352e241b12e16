import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../model';
import type { Book } from '../store';
import { addManyCustomers, bookWithEverything, openTestBook } from '../store/test-book';
import { BackupError, exportBackup, serializeBackup, type BackupDocument } from './backup';
import { serializeBackupLines } from './backup-lines';
import type { BackupProgress } from './backup-progress';
import { restoreBackupFile } from './backup-restore';
import { writeBackup } from './backup-write';
import { schemaVersion1Backup } from './testing/schema-1-backup';

const AT = new Date('2026-11-29T19:50:00.000Z');
const encode = (text: string) => new TextEncoder().encode(text);

/** Splits bytes into chunks of `size` (the last shorter). */
const chunked = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

/** Thousands of records through fake-indexeddb on a busy 2-core machine: room beyond the default 5 s. */
const BIG = 30_000;

async function failure(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => new Error('restored'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

async function bigBook(): Promise<Book> {
  const book = await bookWithEverything();
  await addManyCustomers(book, 300, 10);
  return book;
}

describe('line-per-record backups', () => {
  it('write the same document as before, one record per line, with a header line that parses alone', async () => {
    const book = await bookWithEverything();
    const { parts, counts, exportedAt } = await writeBackup(book, { now: AT });
    const text = parts.join('');
    expect(exportedAt).toBe(AT.toISOString());
    expect(counts).toEqual({ tags: 1, customers: 2, orders: 2, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 });
    expect(JSON.parse(text)).toEqual(JSON.parse(serializeBackup(await exportBackup(book, AT))));
    const lines = text.split('\n');
    expect(JSON.parse(`${lines[0]!.slice(0, -1)}}`)).toEqual({ format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: AT.toISOString(), counts });
    expect(lines.slice(1, 5)).toEqual(['"tags":[', expect.stringMatching(/^\{"id":.*\}$/), '],', '"customers":[']);
    expect(lines.at(-2)).toBe(']}');
    expect(lines.filter((line) => line.startsWith('{"id"')).length).toBe(10);
    // Keys only the store's indexes need stay in the database.
    expect(text).not.toMatch(/identityKeys|sortName|neverBoughtName|claimKeys/);
    expect(serializeBackupLines(await exportBackup(book, AT)).join('')).toBe(text);
  });

  it('restore to an identical book from bytes, chunks or text', async () => {
    const source = await bigBook();
    const { parts } = await writeBackup(source, { now: AT });
    const bytes = encode(parts.join(''));
    for (const data of [bytes, chunked(bytes, 4096), parts.join('')]) {
      const target = await bookWithEverything();
      const progress: BackupProgress[] = [];
      const counts = await restoreBackupFile(target, data, { onProgress: (p) => progress.push(p) });
      expect(counts).toEqual({ tags: 1, customers: 302, orders: 3002, notes: 1, feedback: 1, followUps: 1, segments: 1, quickReplies: 1 });
      expect(await target.exportAll()).toEqual(await source.exportAll());
      expect(progress.at(-1)).toEqual({ phase: 'writing', done: 3310, total: 3310 });
      expect((await target.customers.findByIdentity('email', 'ana@example.com'))[0]?.displayName).toBe('Ana Souza');
    }
  }, BIG);

  it('reads an empty book back', async () => {
    const { parts } = await writeBackup(await openTestBook(), { now: AT });
    expect(parts.join('').split('\n').slice(1)).toEqual(['"tags":[', '],', '"customers":[', '],', '"orders":[', '],', '"notes":[', '],', '"feedback":[', '],', '"followUps":[', '],', '"segments":[', '],', '"quickReplies":[', ']}', '']);
    const target = await bookWithEverything();
    await restoreBackupFile(target, parts.join(''));
    expect(await target.customers.count({ includeArchived: true })).toBe(0);
  });

  it('still restores old pretty-printed backups and ones written at schema version 1', async () => {
    const source = await bookWithEverything();
    const legacy = serializeBackup(await exportBackup(source));
    const target = await openTestBook();
    const progress: BackupProgress['phase'][] = [];
    await restoreBackupFile(target, encode(legacy), { onProgress: (p) => progress.push(p.phase) });
    expect(await target.exportAll()).toEqual(await source.exportAll());
    expect(progress[0]).toBe('checking');
    expect(progress.at(-1)).toBe('writing');
    const v1 = schemaVersion1Backup();
    expect(await restoreBackupFile(target, JSON.stringify(v1, null, 1))).toMatchObject({ customers: 1, orders: 1, segments: 0 });
    expect((await target.customers.get('c1'))?.lastOrderAt).toBe('2025-03-01T10:00:00.000Z');
    // A line-per-record file claiming an old version goes the whole-document way, whose upgrades it needs.
    const lines = serializeBackupLines({ ...(v1 as unknown as BackupDocument), segments: [], quickReplies: [], counts: { ...v1.counts, segments: 0, quickReplies: 0 } });
    const restored = await openTestBook();
    await restoreBackupFile(restored, lines.join(''));
    expect((await restored.customers.get('c1'))?.lastOrderAt).toBe('2025-03-01T10:00:00.000Z');
    expect(await restored.quickReplies.list()).toEqual([]);
  });

  it('restores a line-per-record file of schema 5 (no quick replies, tags without a place) over a book that has some', async () => {
    const source = await openTestBook();
    const vip = await source.tags.create({ name: 'VIP', colour: '#aa0000' });
    await source.tags.create({ name: 'Atacado', colour: '#00aa00' });
    await source.customers.create({ displayName: 'Ana', tagIds: [vip.id] });
    const { parts } = await writeBackup(source, { now: AT });
    // As Clientela wrote it at schema 5: the same layout without the quickReplies store, and tags with no position.
    const lines = parts.join('').split('\n');
    const header = JSON.parse(`${lines[0]!.slice(0, -1)}}`) as { schemaVersion: number; counts: Record<string, number> };
    delete header.counts.quickReplies;
    const v5 = [
      `${JSON.stringify({ ...header, schemaVersion: 5 }).slice(0, -1)},`,
      ...lines.slice(1, lines.indexOf('"quickReplies":[')).map((line) => line.replace(/,"position":\d+/, '')),
    ];
    v5[v5.length - 1] = ']}';
    expect(v5.join('\n')).not.toMatch(/position|quickReplies/);
    const target = await bookWithEverything();
    expect(await restoreBackupFile(target, `${v5.join('\n')}\n`)).toMatchObject({ tags: 2, customers: 1, quickReplies: 0 });
    expect(await target.quickReplies.list()).toEqual([]);
    // Tags of an older book all take place 0: listed in name order, as that book showed them.
    expect((await target.tags.list()).map((tag) => [tag.name, tag.position])).toEqual([
      ['Atacado', 0],
      ['VIP', 0],
    ]);
  });

  it('a schema 5 line-per-record file that does carry a quickReplies store is refused as laid out wrongly', async () => {
    const { parts } = await writeBackup(await bookWithEverything(), { now: AT });
    const text = parts.join('').replace(`"schemaVersion":${SCHEMA_VERSION}`, '"schemaVersion":5');
    const error = await failure(restoreBackupFile(await openTestBook(), text));
    expect(error.code).toBe('not-json');
    expect(error.problems[0]).toMatchObject({ field: 'segments', message: 'expected ]}' });
  });

  it('decodes names split across chunks of bytes anywhere, accents and emoji included', async () => {
    const source = await openTestBook();
    await source.customers.create({ displayName: 'Maria da Conceição 👩🏽‍🦱 Ñoño', customFields: { cidade: 'São Luís', nota: '“ótima” — 5★' } });
    const bytes = encode((await writeBackup(source, { now: AT })).parts.join(''));
    const name = encode('Conceição 👩🏽‍🦱');
    const start = bytes.findIndex((_, i) => name.every((byte, k) => bytes[i + k] === byte));
    expect(start).toBeGreaterThan(0);
    for (let cut = start; cut <= start + name.length; cut++) {
      const target = await openTestBook();
      await restoreBackupFile(target, [bytes.subarray(0, cut), bytes.subarray(cut, cut + 1), bytes.subarray(cut + 1)]);
      expect(await target.exportAll(), `cut at ${cut}`).toEqual(await source.exportAll());
    }
    const target = await openTestBook();
    await restoreBackupFile(target, chunked(bytes, 1));
    expect(await target.exportAll()).toEqual(await source.exportAll());
  });

  it('reads files whose lines end in CRLF and that start with a byte order mark', async () => {
    const source = await bookWithEverything();
    const text = `\ufeff${(await writeBackup(source, { now: AT })).parts.join('').replaceAll('\n', '\r\n')}`;
    const target = await openTestBook();
    await restoreBackupFile(target, encode(text));
    expect(await target.exportAll()).toEqual(await source.exportAll());
  });
});

describe('refusing a bad line-per-record backup', () => {
  it('names the line and the field of a bad record in the middle of a big file, and changes nothing', async () => {
    const book = await bigBook();
    const before = await book.exportAll();
    const lines = serializeBackupLines(await exportBackup(book, AT));
    const n = lines.findIndex((line, i) => i > 1000 && line.includes('"totalMinor"')) + 1;
    const orderIndex = n - 1 - lines.indexOf('"orders":[\n') - 1;
    lines[n - 1] = lines[n - 1]!.replace(/"totalMinor":\d+/, '"totalMinor":12.5');
    const error = await failure(restoreBackupFile(book, encode(lines.join(''))));
    expect(error.code).toBe('invalid-records');
    expect(error.problems).toEqual([{ field: `orders[${orderIndex}].totalMinor`, message: expect.stringMatching(/whole number/), line: n }]);
    expect(error.message).toContain(`line ${n}: orders[${orderIndex}].totalMinor: must be a whole number`);
    expect(await book.exportAll()).toEqual(before);
  }, BIG);

  it('says what is wrong with a cut, foreign, newer, inconsistent or hand-broken file, and changes nothing', async () => {
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const lines = serializeBackupLines(await exportBackup(book, AT));
    const text = lines.join('');
    const at = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    const edit = (index: number, line: string) => lines.map((l, i) => (i === index ? line : l)).join('');
    const ordersOpen = at('"orders":[');
    const firstOrder = lines[ordersOpen + 1]!;
    const header = JSON.parse(`${lines[0]!.trimEnd().slice(0, -1)}}`);
    const cases: [string, string, BackupError['code'], RegExp][] = [
      ['cut short', text.slice(0, Math.floor(text.length * 0.6)), 'not-json', /./],
      ['foreign', JSON.stringify({ contacts: [] }), 'not-backup', /not a Clientela backup/],
      ['newer', edit(0, `${JSON.stringify({ ...header, schemaVersion: 99 }).slice(0, -1)},\n`), 'newer-version', /newer Clientela \(schema 99/],
      ['count off', edit(0, `${JSON.stringify({ ...header, counts: { ...header.counts, notes: 5 } }).slice(0, -1)},\n`), 'inconsistent', /line 1: counts\.notes: says 5 but the file has 1/],
      ['dangling', edit(ordersOpen + 1, firstOrder.replace(/"customerId":"[^"]+"/, '"customerId":"ninguém"')), 'inconsistent', new RegExp(`line ${ordersOpen + 2}: orders\\[0\\]\\.customerId: no customer "ninguém"`)],
      ['duplicate id', edit(ordersOpen + 2, `${firstOrder.slice(0, -2)}\n`), 'inconsistent', new RegExp(`line ${ordersOpen + 3}: orders\\[1\\]\\.id: .* appears twice`)],
      ['unknown tag', edit(at('{"id"') , lines[at('{"id"')]!.replace(/"id":"[^"]+"/, '"id":"outra"')), 'inconsistent', /customers\[\d\]\.tagIds\[0\]: no tag "[^"]+" in the file/],
      ['no comma', edit(ordersOpen + 1, `${firstOrder.slice(0, -2)}\n`), 'not-json', new RegExp(`line ${ordersOpen + 3}: .*needs a comma`)],
      ['not JSON', edit(ordersOpen + 1, '{"id": oops},\n'), 'not-json', new RegExp(`line ${ordersOpen + 2}: orders: not valid JSON`)],
      ['trailing text', `${text}{"more":1}\n`, 'not-json', /text after the end/],
      ['not UTF-8', `${text.slice(0, 200)}\udcff${text.slice(200)}`, 'not-json', /./],
    ];
    for (const [label, file, code, message] of cases) {
      const error = await failure(restoreBackupFile(book, label === 'not UTF-8' ? Uint8Array.from([...encode(file.slice(0, 200)), 0xff, ...encode(file.slice(201))]) : encode(file)));
      expect(error.code, label).toBe(code);
      expect(error.message, label).toMatch(message);
      expect(await book.exportAll(), label).toEqual(before);
    }
  });

  it('cancels midway and leaves the book exactly as it was', async () => {
    const book = await bookWithEverything();
    const before = await book.exportAll();
    const source = await bigBook();
    const bytes = encode((await writeBackup(source)).parts.join(''));
    const controller = new AbortController();
    const seen: BackupProgress[] = [];
    const error = await failure(
      restoreBackupFile(book, bytes, {
        signal: controller.signal,
        onProgress: (progress) => {
          seen.push(progress);
          if (progress.done >= 1000) controller.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    // Tags (1 record) and customers (302) are batches of their own; orders come 1000 at a time.
    expect(seen).toEqual([1, 303, 1303].map((done) => ({ phase: 'writing', done, total: 3310 })));
    expect(await book.exportAll()).toEqual(before);

    const writing = new AbortController();
    const stopped = await failure(writeBackup(source, { signal: writing.signal, onProgress: (p) => p.done > 0 && writing.abort() }));
    expect(stopped.code).toBe('cancelled');
  }, BIG);
});
