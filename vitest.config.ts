import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // The reliability harnesses have a runner of their own (tests/reliability/vitest.config.ts): npm test runs them once, after.
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 20000,
  },
});
