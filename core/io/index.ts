export * from './backup';
export * from './feedback-wire';
export * from './feedback-intake';
