// Locale and time zone: which language, which calendar, and the cached Intl objects that write in them.
export * from './calendar';
export * from './intl-cache';
export * from './locale';
export * from './time-zone';
