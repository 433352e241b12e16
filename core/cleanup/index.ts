export * from './cleanup-list';
export * from './cleanup-archives';
