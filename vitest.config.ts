import { defineConfig } from 'vitest/config';
import { TEST_TODAY } from './test/today.ts';

// Every test, and every CLI a test spawns, runs on the same pinned day (src/lib/today.ts).
const env = { DANVAN_TODAY: TEST_TODAY };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          testTimeout: 30_000,
          env,
          // One module graph per worker instead of one per file: importing src/lib afresh for
          // each of the 56 files was about 40 % of the suite's CPU time. Safe because no unit
          // test mocks a module, stubs the environment or keeps state in a module.
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
          testTimeout: 60_000,
          env,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
