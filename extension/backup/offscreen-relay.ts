import type { Browser } from 'wxt/browser';
import type { BackupCounts } from '../../core';
import { makeBackup as makeBackupInWorker } from './book-worker-client';
import { errorReply, type BackupReason, type BookWorkerReply } from './worker-protocol';

/**
 * Chrome MV3: the service worker can neither start a Worker nor make a blob URL, so it opens `offscreen.html`
 * (reason BLOBS), which connects this port back to it. The service worker asks for a backup; the offscreen
 * document has the book worker write it, turns the file into a blob URL and hands that back; the service worker
 * downloads it, then asks for the URL to be revoked and closes the document. Progress flows back on the port,
 * which also keeps the service worker awake while a big book is written.
 */
export const OFFSCREEN_PORT = 'clientela:offscreen-backup';
export const OFFSCREEN_PAGE = '/offscreen.html';

export type OffscreenRequest = { op: 'backup'; id: string; reason: BackupReason } | { op: 'cancel'; id: string } | { op: 'revoke'; url: string };

/** A backup made in the offscreen document: its file is at `url` (a blob URL of the extension's origin). */
export interface OffscreenBackup {
  url: string;
  fileName: string;
  counts: BackupCounts;
  encrypted: boolean;
  at: string;
}

export type OffscreenReply = Exclude<BookWorkerReply, { type: 'done' }> | { id: string; type: 'done'; result: OffscreenBackup };

/** The offscreen document's side: serves backups on `port` until the service worker closes the document. */
export function relayBackups(port: Browser.runtime.Port, makeBackup: typeof makeBackupInWorker = makeBackupInWorker): void {
  const running = new Map<string, AbortController>();
  const send = (reply: OffscreenReply) => port.postMessage(reply);
  port.onMessage.addListener((message: OffscreenRequest) => {
    if (message.op === 'revoke') return URL.revokeObjectURL(message.url);
    if (message.op === 'cancel') return running.get(message.id)?.abort();
    const { id, reason } = message;
    const controller = new AbortController();
    running.set(id, controller);
    makeBackup(reason, { signal: controller.signal, onProgress: (progress) => send({ id, type: 'progress', progress }) })
      .then(
        ({ blob, fileName, counts, encrypted, at }) => send({ id, type: 'done', result: { url: URL.createObjectURL(blob), fileName, counts, encrypted, at } }),
        (error: unknown) => send(errorReply(id, error)),
      )
      .finally(() => running.delete(id));
  });
  // The service worker went away (stopped, or the extension reloaded): nothing will download these files.
  port.onDisconnect.addListener(() => {
    for (const controller of running.values()) controller.abort();
  });
}
