export * from './backup';
export * from './backup-crypto';
export { CSV_DIALECTS, CsvWriter, csvCell, csvDocument, type CsvDialect, type CsvField } from './csv';
export { serializeBackupLines } from './backup-lines';
export type { BackupProgress } from './backup-progress';
export { restoreBackupFile, type RestoreOptions } from './backup-restore';
export { writeBackup, type WriteBackupOptions, type WrittenBackup } from './backup-write';
export * from './feedback-wire';
export * from './feedback-intake';
