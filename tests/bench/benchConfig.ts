/**
 * The Playwright set-up the in-browser benches share: the built renderer in Debian's Chromium against
 * the browser-mode host, like the e2e suite, one worker, run on demand and never part of `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

interface BenchTimeouts {
  test?: number;
  expect?: number;
  action?: number;
}

/** A bench's config: its `*.bench.ts` files in `folder` (tests/bench/<folder>), its own output folder. */
export function benchConfig(folder: string, timeouts: BenchTimeouts = {}) {
  return defineConfig({
    testDir: here(folder),
    testMatch: '**/*.bench.ts',
    outputDir: here(`../.tmp/bench-${folder}-output`),
    globalSetup: here('../e2e/globalSetup.ts'),
    timeout: timeouts.test ?? 300_000,
    expect: { timeout: timeouts.expect ?? 60_000 },
    workers: 1,
    reporter: [['list']],
    use: {
      browserName: 'chromium',
      viewport: { width: 1440, height: 900 },
      launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      video: 'off',
      ...(timeouts.action ? { actionTimeout: timeouts.action } : {}),
    },
  });
}
