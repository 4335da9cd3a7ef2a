import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    testTimeout: 20000,
  },
});
