/**
 * The desktop app end to end through Playwright's `_electron` on the built app (out/main/index.js).
 * Every test skips, with the reason printed, when no Electron binary is present.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  testDir: here('.'),
  testMatch: '**/*.spec.ts',
  outputDir: here('../.tmp/e2e-electron-output'),
  globalSetup: here('./globalSetup.ts'),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: here('../.tmp/results/e2e-electron.json') }]],
  use: { trace: 'on-first-retry', video: 'off', actionTimeout: 15_000 },
});
