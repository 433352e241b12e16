export * from './goal';
export * from './progress';
export * from './recovered';
export * from './engine-inputs';
