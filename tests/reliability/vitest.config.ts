/**
 * The reliability harnesses (crash, network, and the others under tests/reliability): their short
 * versions run in `npm test` as a runner of their own, one file at a time, since they start
 * processes and browsers and would crowd the unit tests on a small machine.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    environment: 'node',
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
