export * from './errors.js';
export * from './signals.js';
export * from './group-commit.js';
