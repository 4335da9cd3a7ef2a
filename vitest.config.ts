import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // The reliability harnesses have a runner of their own (tests/reliability/vitest.config.ts): npm test runs them once, after.
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 20000,
    // Vitest leaves one core to itself by default, which on a 2-core machine runs the files one by one;
    // the runner process idles while the workers run, so every core gets a worker.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
