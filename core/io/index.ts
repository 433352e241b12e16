export * from './backup';
export * from './feedback-intake';
