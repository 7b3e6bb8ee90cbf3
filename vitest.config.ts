import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/sequencer.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Real Chromium on 2 cores: generous timeouts, at most two files at once.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // a folder for the fixtures several files share (the demo, a crawl of the sample site), built once a run
    globalSetup: ['tests/global-setup.ts'],
    // longest files first, so the run does not end on one long file alone
    sequence: { sequencer: LongestFirstSequencer },
  },
});
