export * from './errors.js';
export * from './signals.js';
