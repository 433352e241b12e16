import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { downloadAndWait } from './save-backup';

type Delta = Browser.downloads.DownloadDelta;

/** The parts of `browser.downloads` that saving uses, driven by the test. */
function fakeDownloads(options: { id?: number; searchState?: string; beforeResolve?: Delta[] } = {}) {
  const id = options.id ?? 7;
  const listeners = new Set<(delta: Delta) => void>();
  const emit = (delta: Delta) => listeners.forEach((listener) => listener(delta));
  const started: Browser.downloads.DownloadOptions[] = [];
  const downloads = {
    onChanged: { addListener: (l: (delta: Delta) => void) => void listeners.add(l), removeListener: (l: (delta: Delta) => void) => void listeners.delete(l) },
    download: async (request: Browser.downloads.DownloadOptions) => {
      started.push(request);
      for (const delta of options.beforeResolve ?? []) emit(delta);
      return id;
    },
    search: async () => [{ id, state: options.searchState ?? 'in_progress' }],
  };
  return { downloads: downloads as unknown as Parameters<typeof downloadAndWait>[2], emit, started, listeners };
}

const state = (id: number, current: string, error?: string): Delta => ({ id, state: { current }, ...(error ? { error: { current: error } } : {}) }) as Delta;

describe('saving a file through downloads', () => {
  it('asks for the file in the Downloads folder without a dialog, uniquified, and resolves once it is complete', async () => {
    const fake = fakeDownloads();
    let done = false;
    const saved = downloadAndWait('blob:x', 'Clientela/clientela-backup-2026-11-29_16-50.json', fake.downloads).then((id) => ((done = true), id));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.started).toEqual([{ url: 'blob:x', filename: 'Clientela/clientela-backup-2026-11-29_16-50.json', conflictAction: 'uniquify', saveAs: false }]);
    fake.emit(state(99, 'complete'));
    fake.emit(state(7, 'in_progress'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(done).toBe(false);
    fake.emit(state(7, 'complete'));
    expect(await saved).toBe(7);
    expect(fake.listeners.size).toBe(0);
  });

  it('sees a completion that came before the id did, or before it listened', async () => {
    expect(await downloadAndWait('blob:x', 'a.json', fakeDownloads({ beforeResolve: [state(7, 'complete')] }).downloads)).toBe(7);
    expect(await downloadAndWait('blob:x', 'a.json', fakeDownloads({ searchState: 'complete' }).downloads)).toBe(7);
  });

  it('rejects with the browser’s reason when the download is interrupted', async () => {
    const fake = fakeDownloads();
    const saved = downloadAndWait('blob:x', 'Clientela/a.json', fake.downloads);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.emit(state(7, 'interrupted', 'FILE_NO_SPACE'));
    await expect(saved).rejects.toThrowError('The browser stopped saving Clientela/a.json: FILE_NO_SPACE');
    expect(fake.listeners.size).toBe(0);
  });
});
