// Kept for imports written before the split: the page selection now lives in reports/selection/ (one job per
// module; reports/selection/index.ts lists them). New code imports from there.
export * from './selection/index.js';
