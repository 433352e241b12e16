import { exportBackup, restoreBackup, serializeBackup, type Book } from '../../../core';
import type { MessageKey } from '../i18n';

interface BackupPanelProps {
  book: Book;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  onResult: (message: { kind: 'ok' | 'error'; text: string }) => void;
}

/** Download the whole book as one file; restore it (checked whole before anything is replaced). */
export function BackupPanel({ book, t, onResult }: BackupPanelProps) {
  const download = async () => {
    const text = serializeBackup(await exportBackup(book));
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `clientela-backup-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const restore = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const counts = await restoreBackup(book, await file.text());
      onResult({ kind: 'ok', text: t('restored', { count: counts.customers }) });
    } catch (error) {
      onResult({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup')}</h2>
      <button type="button" onClick={() => void download()}>
        {t('exportBackup')}
      </button>
      <label class="file">
        {t('restoreBackup')}
        <input type="file" accept="application/json,.json" onChange={(event) => void restore(event)} />
      </label>
    </section>
  );
}
