/**
 * `npm run package:fuses -- <path to the packaged Electron binary>`: flips the fuses of
 * PACKAGED_FUSES in that binary and checks them by reading the wire back. Run once per packaged
 * build, after the app's asar archive is in place (OnlyLoadAppFromAsar needs it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { expectedFuseWire, PACKAGED_FUSES } from './fuses';

/** Flips the packaged fuses in `binary`; returns the fuses whose state differs afterwards (none when it worked). */
export async function applyPackagedFuses(binary: string): Promise<string[]> {
  await flipFuses(binary, PACKAGED_FUSES);
  return fuseMismatches(binary);
}

/** Names the fuses of `binary` that are not as PACKAGED_FUSES says. */
export async function fuseMismatches(binary: string): Promise<string[]> {
  const wire = await getCurrentFuseWire(binary);
  const wrong: string[] = [];
  for (const [option, wanted] of expectedFuseWire()) {
    const state = wire[option];
    // FuseState: 0x30 '0' disabled, 0x31 '1' enabled, 0x72 'r' removed.
    const enabled = state === 0x31 ? true : state === 0x30 ? false : undefined;
    if (enabled !== wanted) wrong.push(`fuse ${option}: ${enabled === undefined ? 'missing' : enabled ? 'on' : 'off'}, wanted ${wanted ? 'on' : 'off'}`);
  }
  return wrong;
}

const isMain = !!process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('Usage: npm run package:fuses -- <path to the packaged Electron binary>');
    process.exit(2);
  }
  applyPackagedFuses(binary).then(
    (wrong) => {
      if (wrong.length) {
        console.error(`Fuses not applied:\n${wrong.join('\n')}`);
        process.exit(1);
      }
      console.log(`Fuses applied to ${binary}`);
    },
    (err: unknown) => {
      console.error(`Could not apply the fuses: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
