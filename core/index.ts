/**
 * The public face of core: every surface (extension, widget, collector) imports from here and from nowhere
 * deeper, so core can reshape its folders without touching them.
 */
export * from './model';
export * from './identity';
export * from './store';
export * from './io';
export * from './money';
export * from './locale';
export * from './segments';
export * from './predict';
export * from './table';
export * from './today';
export * from './cleanup';
export * from './goals';
