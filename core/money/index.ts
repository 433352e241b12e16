export * from './parse-amount';
