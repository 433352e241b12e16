// The customer table: rows of every customer's facts, sorted, filtered and searched in memory (one per book,
// held by the background; pages read windows of it through the protocol).
export * from './book-table';
export * from './customer-row';
export * from './customer-table';
export * from './filters';
export * from './held-customer';
export * from './predicted-values';
export * from './query';
export * from './search-index';
export * from './search-matches';
export * from './sort-keys';
