import { browser, type Browser } from 'wxt/browser';
import { openBook, type Book } from '../../core';
import { recordBackup, type BackupRecord } from './backup-settings';
import type { MadeBackup } from './book-worker-client';

/** The permission scheduled backups need: asked at the seller's click, never at install. */
export const DOWNLOADS_PERMISSION = { permissions: ['downloads'] } as const;

export async function downloadsGranted(): Promise<boolean> {
  return browser.permissions.contains({ permissions: [...DOWNLOADS_PERMISSION.permissions] });
}

type Downloads = Pick<typeof Browser.downloads, 'download' | 'onChanged' | 'search'>;

/**
 * Saves `url` as `filename` under the Downloads folder without asking where, and resolves with the download's id
 * once the file is complete; rejects when the browser interrupts it (disk full, folder gone), with its reason.
 */
export async function downloadAndWait(url: string, filename: string, downloads: Downloads = browser.downloads): Promise<number> {
  // Deltas can arrive before download() resolves with the id: keep them until it is known.
  const early: Browser.downloads.DownloadDelta[] = [];
  let settle: ((delta: Browser.downloads.DownloadDelta) => void) | undefined;
  const listener = (delta: Browser.downloads.DownloadDelta) => (settle ? settle(delta) : early.push(delta));
  downloads.onChanged.addListener(listener);
  try {
    const id = await downloads.download({ url, filename, conflictAction: 'uniquify' as Browser.downloads.FilenameConflictAction, saveAs: false });
    await new Promise<void>((resolve, reject) => {
      settle = (delta) => {
        if (delta.id !== id) return;
        if (delta.state?.current === 'complete') resolve();
        if (delta.state?.current === 'interrupted') reject(new Error(`The browser stopped saving ${filename}: ${delta.error?.current ?? 'interrupted'}`));
      };
      early.forEach(settle);
      // A small file may have finished before the listener saw it start.
      void downloads.search({ id }).then(([item]) => {
        if (item?.state === 'complete') resolve();
        if (item?.state === 'interrupted') reject(new Error(`The browser stopped saving ${filename}: ${item.error ?? 'interrupted'}`));
      });
    });
    return id;
  } finally {
    downloads.onChanged.removeListener(listener);
  }
}

/**
 * Saves a backup from an extension page and records it (`backup.last`, `backup.history`) once it is saved. With
 * the `downloads` permission the file goes into Downloads/Clientela and is recorded when complete; without it, a
 * link click hands the file to the browser (which may ask where to save it), recorded as handed over.
 * `book`: the page's open book; without one, the book is opened for the record and closed again.
 */
export async function saveBackupFile(made: MadeBackup, options: { book?: Book } = {}): Promise<BackupRecord> {
  const url = URL.createObjectURL(made.blob);
  let downloadId: number | undefined;
  let clicked = false;
  try {
    if (browser.downloads && (await downloadsGranted())) downloadId = await downloadAndWait(url, made.fileName);
    else clicked = clickDownload(url, made.fileName);
  } finally {
    // A link's download reads the blob after the click returns: give it time before the URL goes.
    if (clicked) setTimeout(() => URL.revokeObjectURL(url), 60_000);
    else URL.revokeObjectURL(url);
  }
  const record: BackupRecord = { at: made.at, fileName: made.fileName, reason: made.reason, encrypted: made.encrypted, counts: made.counts, ...(downloadId === undefined ? {} : { downloadId }) };
  const book = options.book ?? (await openBook());
  try {
    return await recordBackup(book, record);
  } finally {
    if (!options.book) book.close();
  }
}

/** A download attribute cannot name a folder: the file lands in Downloads itself. */
function clickDownload(url: string, fileName: string): true {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.slice(fileName.lastIndexOf('/') + 1);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  return true;
}
