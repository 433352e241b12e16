export * from './today-list';
export * from './today-marks';
export * from './daily-notice';
