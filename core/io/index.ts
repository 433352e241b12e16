export * from './backup';
export * from './backup-crypto';
export { csvCell, csvDocument } from './csv';
export { serializeBackupLines } from './backup-lines';
export type { BackupProgress } from './backup-progress';
export { restoreBackupFile, type RestoreOptions } from './backup-restore';
export { writeBackup, type WriteBackupOptions, type WrittenBackup } from './backup-write';
export * from './feedback-wire';
export * from './feedback-intake';
