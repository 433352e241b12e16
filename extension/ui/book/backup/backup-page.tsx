import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { consistentBookReport, RECORD_STORES, type BackupCounts, type Book, type RecordCounts } from '../../../../core';
import { useQueryOn } from '../data/use-book-query';
import { describeFailure, type ProgressReport } from '../../backup-words';
import type { Locale, MessageKey } from '../../../i18n/translate';
import type { BackupReason, BackupRecord, BackupServices, BackupState, IntegrityReport } from './backup-services';

/** What the whole-book check found dangling: the report without its counts, which `counts` keeps current. */
export type IntegrityFindings = Omit<IntegrityReport, 'counts'>;

/** A backup the page is making: running with its latest progress, saved, or failed in words. */
export type RunStatus = { kind: 'idle' } | { kind: 'running'; progress: ProgressReport | null } | { kind: 'done'; record: BackupRecord } | { kind: 'error'; message: string };

export interface BackupPage {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  timeZone: string;
  now: () => Date;
  book: Book;
  services: BackupServices;
  /** The book's backup settings, last backup and history; null until read. */
  state: BackupState | null;
  downloadsGranted: boolean;
  /**
   * The check made when the page opened (or within the day, by any tab) and after each restore: the records whose
   * customer is missing. Its counts are in `counts`.
   */
  integrity: { report: IntegrityFindings | null; error: string | null };
  /**
   * How many records each store holds, for a screen that shows them (see wantCounts): those the whole-book check
   * or a restore just took, else counted; null until known.
   */
  counts: RecordCounts | null;
  /**
   * Called by a screen that shows `counts` while it is mounted; returns the release. Counting is a pass over
   * each store (half a second of IndexedDB at 100k customers, in which the next page's reads wait), so it is
   * done only while someone looks: at once if the counts in hand may be old, then after writes once quiet.
   */
  wantCounts(): () => void;
  run: RunStatus;
  /** Makes a manual backup now (the banner's button, the panel's, `#backup-now`); one at a time. */
  backUpNow(): Promise<BackupRecord | null>;
  /**
   * Replaces the book with a backup file (services.restore). While it runs, the integrity check after the book
   * changed waits for it and takes its counts: a restored book holds together (every reference in the file was
   * checked), so reading a million records again in a new worker would only cost the seller a stall.
   */
  restore: BackupServices['restore'];
  /** The backup the integrity alert asked to restore: the restore form explains which file to pick. */
  restoreTarget: BackupRecord | null;
  pickForRestore(record: BackupRecord): void;
}

/**
 * The last whole-book check, in `meta`: a book page opened within CHECK_EVERY_MS of it shows that answer instead of
 * walking the book again (a minute of IndexedDB at 100k customers, beside everything the page asks at open).
 */
export const LAST_CHECK_KEY = 'integrity.lastCheck';
const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
interface LastCheck {
  checkedAt: string;
  report: IntegrityReport;
}

async function rememberCheck(book: Book, report: IntegrityReport, at: Date): Promise<IntegrityReport> {
  await book.meta.set(LAST_CHECK_KEY, { checkedAt: at.toISOString(), report } satisfies LastCheck);
  return report;
}

/** Quiet time after a write before the counts are taken again. */
const RECHECK_AFTER_MS = 3000;

const BackupPageContext = createContext<BackupPage | null>(null);

export function useBackupPage(): BackupPage {
  const page = useContext(BackupPageContext);
  if (!page) throw new Error('Backup screens must be inside BackupPageProvider');
  return page;
}

interface ProviderProps {
  book: Book;
  services: BackupServices;
  t: BackupPage['t'];
  locale: Locale;
  timeZone?: string;
  now?: () => Date;
  children: ComponentChildren;
}

const systemNow = () => new Date();

/**
 * The record counts while `wanted`: `known` (those the open-time walk or a restore just took) until a record
 * store is written, then counted again once writes are quiet. A screen that arrives when the counts in hand may
 * be old (none known once the check answered, or writes since, the walk's own time included) has them counted
 * at once. A whole-book change forgets a count, so the restore's counts stand.
 */
function useRecount(book: Book, wanted: boolean, known: RecordCounts | null, checking: boolean): RecordCounts | null {
  const [counts, setCounts] = useState<RecordCounts | null>(null);
  const state = useRef({ generation: 0, dirty: false, wanted, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  state.current.wanted = wanted;
  const count = useCallback(() => {
    const current = state.current;
    const asked = current.generation;
    current.dirty = false;
    book.countRecords().then(
      (next) => asked === current.generation && setCounts(next),
      () => undefined,
    );
  }, [book]);
  useEffect(() => {
    const current = state.current;
    const stop = book.onChange((change) => {
      if (change.wholeBook) {
        clearTimeout(current.timer);
        current.generation += 1;
        current.dirty = false;
        setCounts(null);
        return;
      }
      // Only a change to records moves the count (a `meta` write, such as a check's answer, leaves it waiting).
      if (!change.stores.some((store) => (RECORD_STORES as readonly string[]).includes(store))) return;
      current.dirty = true;
      clearTimeout(current.timer);
      if (current.wanted) current.timer = setTimeout(count, RECHECK_AFTER_MS);
    });
    return () => {
      current.generation += 1;
      clearTimeout(current.timer);
      stop();
    };
  }, [book, count]);
  const unknown = counts === null && known === null && !checking;
  useEffect(() => {
    if (wanted && (unknown || state.current.dirty)) count();
  }, [wanted, unknown, count]);
  return counts ?? known;
}

/** Reads the backup state and the integrity once for the whole page and keeps them current. */
export function BackupPageProvider({ book, services, t, locale, timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone, now = systemNow, children }: ProviderProps) {
  const [run, setRun] = useState<RunStatus>({ kind: 'idle' });
  const [restoreTarget, setRestoreTarget] = useState<BackupRecord | null>(null);
  const running = useRef(false);
  const restoring = useRef<Promise<BackupCounts> | null>(null);

  // The settings live in `meta`; the grant in the browser, which says when it changes.
  const state = useQueryOn(book, () => services.readState(), { stores: ['meta'], deps: [services] }).data ?? null;
  const downloadsGranted = useQueryOn(book, () => services.downloads.granted(), { stores: [], watch: (changed) => services.downloads.watch(changed), deps: [services] }).data ?? false;
  // Dangling records are whole-book work (a cursor step per customer per store: a minute at 100k customers on a
  // busy machine), done in the worker at open and at once after a write that replaced the book. Other writes are
  // the book's own transactions, which never leave a record dangling: after them, once things are quiet (a seller
  // adding customers one by one), only the counts are taken again, a count per store.
  const checked = useQueryOn(
    book,
    async () => {
      const job = restoring.current;
      if (job) {
        const counts = await job.catch(() => null);
        if (counts) return { report: await rememberCheck(book, consistentBookReport(counts), now()), counted: true };
      }
      // Checked within the day (by any tab, or a restore): that answer. Its counts are of then, not now.
      const last = await book.meta.get<LastCheck>(LAST_CHECK_KEY);
      if (last && now().getTime() - Date.parse(last.checkedAt) < CHECK_EVERY_MS) return { report: last.report, counted: false };
      return { report: await rememberCheck(book, await services.checkIntegrity(), now()), counted: true };
    },
    { stores: [], deps: [services] },
  );
  const [wanting, setWanting] = useState(0);
  const wantCounts = useCallback(() => {
    setWanting((n) => n + 1);
    return () => setWanting((n) => n - 1);
  }, []);
  const checkedCounts = checked.data?.counted ? checked.data.report.counts : null;
  const counts = useRecount(book, wanting > 0, checkedCounts, checked.data === undefined && !checked.error);
  const restore = useCallback<BackupServices['restore']>(
    (file, options) => {
      const job = services.restore(file, options);
      restoring.current = job;
      const done = () => {
        if (restoring.current === job) restoring.current = null;
      };
      job.then(done, done);
      return job;
    },
    [services],
  );
  const integrity = useMemo<BackupPage['integrity']>(
    () => {
      const report = checked.error || !checked.data ? null : checked.data.report;
      return { report, error: checked.error ? describeFailure(checked.error).message : null };
    },
    [checked.data, checked.error],
  );

  const backUpNow = useCallback(async (reason: BackupReason = 'manual') => {
    if (running.current) return null;
    running.current = true;
    setRun({ kind: 'running', progress: null });
    const progress = throttled((report: ProgressReport) => setRun({ kind: 'running', progress: report }));
    try {
      const record = await services.backUp(reason, { onProgress: progress.push });
      progress.cancel();
      setRun({ kind: 'done', record });
      return record;
    } catch (error) {
      progress.cancel();
      setRun({ kind: 'error', message: describeFailure(error).message });
      return null;
    } finally {
      running.current = false;
    }
  }, [services]);

  const value = useMemo<BackupPage>(
    () => ({ t, locale, timeZone, now, book, services, state, downloadsGranted, integrity, counts, wantCounts, run, backUpNow: () => backUpNow(), restore, restoreTarget, pickForRestore: setRestoreTarget }),
    [t, locale, timeZone, now, book, services, state, downloadsGranted, integrity, counts, wantCounts, run, backUpNow, restore, restoreTarget],
  );
  return <BackupPageContext.Provider value={value}>{children}</BackupPageContext.Provider>;
}

/**
 * Progress at most every 100 ms: the worker may report a thousand times during a restore, and each report
 * would otherwise be a render of the page. The latest report is delivered at the end of each interval;
 * `cancel` drops it once the job has ended, so no late progress paints over the result.
 */
export function throttled<T>(deliver: (value: T) => void, intervalMs = 100) {
  let last = 0;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    if (pending) deliver(pending.value);
    pending = null;
  };
  return {
    push(value: T) {
      pending = { value };
      if (timer) return;
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}
