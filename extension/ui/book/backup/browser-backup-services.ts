import { browser } from 'wxt/browser';
import { isEncryptedBackup, type Book } from '../../../../core';
import { readBackupState, saveSchedule, setEncryption } from '../../../backup/backup-settings';
import { checkIntegrity, makeBackup, restoreBackup } from '../../../backup/book-worker-client';
import { DOWNLOADS_PERMISSION, downloadsGranted, saveBackupFile } from '../../../backup/save-backup';
import { requestPersistence } from '../../../backup/storage-status';
import { reminderDismissal } from '../../backup-reminder';
import type { BackupServices } from './backup-services';

/** How many bytes of a file tell an encrypted backup from a plain one (its header). */
const HEAD_BYTES = 64;

/** The book page's backup services in the browser: the book's meta store, the book worker, the downloads API. */
export function browserBackupServices(book: Book): BackupServices {
  const permission = { permissions: [...DOWNLOADS_PERMISSION.permissions] };
  return {
    readState: () => readBackupState(book),
    saveSchedule: async (schedule) => void (await saveSchedule(book, schedule)),
    setEncryption: async (passphrase) => void (await setEncryption(book, passphrase)),
    backUp: async (reason, options) => saveBackupFile(await makeBackup(reason, options), { book }),
    restore: (file, options) => restoreBackup(file, options),
    isEncrypted: async (file) => isEncryptedBackup(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer())),
    checkIntegrity: () => checkIntegrity(),
    downloads: {
      granted: downloadsGranted,
      request: () => browser.permissions.request(permission),
      // browser.downloads exists only while the optional permission is granted.
      show: (downloadId) => browser.downloads?.show(downloadId),
      watch(onChange) {
        browser.permissions.onAdded.addListener(onChange);
        browser.permissions.onRemoved.addListener(onChange);
        return () => {
          browser.permissions.onAdded.removeListener(onChange);
          browser.permissions.onRemoved.removeListener(onChange);
        };
      },
    },
    storage: {
      persist: () => requestPersistence(() => browser.permissions.contains({ permissions: ['unlimitedStorage'] })),
      usage: async () => (navigator.storage?.estimate ? ((await navigator.storage.estimate()).usage ?? null) : null),
    },
    reminder: reminderDismissal(browser.storage.local),
  };
}
