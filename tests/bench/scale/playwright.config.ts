/**
 * Scale benchmark (run on demand: npm run bench:scale): the built renderer in
 * Debian's Chromium against the browser-mode host, like the e2e suite. Never part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/fixtures/chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  testDir: here('.'),
  testMatch: '**/*.bench.ts',
  outputDir: here('../../.tmp/bench-scale-output'),
  globalSetup: here('../../e2e/globalSetup.ts'),
  timeout: 300_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    video: 'off',
  },
});
