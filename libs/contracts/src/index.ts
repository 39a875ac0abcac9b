export * from './auth.js';
export * from './common.js';
export * from './contests.js';
export * from './errors.js';
export * from './units.js';
export * from './questions.js';
export * from './leaderboards.js';
export * from './essays.js';
