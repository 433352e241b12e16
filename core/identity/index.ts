export * from './normalize';
export * from './keys';
export * from './duplicates';
export * from './merge';
