/**
 * The packaged build's fuses, for real: applies PACKAGED_FUSES to a copy of the Electron binary and
 * reads its fuse wire back. Skipped, with the reason printed, when no Electron binary is present.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { applyPackagedFuses, fuseMismatches } from '../../electron/packaging/applyFuses';
import { findElectronBinary } from './electronBinary';

const binary = findElectronBinary();

test('the packaged fuses apply to the real Electron binary and read back as configured', async () => {
  if (!binary.found) {
    console.log(`Skipping the fuse check: ${binary.reason}.`);
    test.skip(true, binary.reason);
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-fuses-'));
  try {
    const copy = path.join(dir, path.basename(binary.path));
    await fs.copyFile(binary.path, copy);
    // The shipped binary leaves run-as-node on, so it does not yet match the packaged configuration.
    expect(await fuseMismatches(copy)).not.toEqual([]);
    expect(await applyPackagedFuses(copy)).toEqual([]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
