/**
 * Electron fuses for the packaged app: features compiled into the binary that the app never uses,
 * switched off at packaging so nobody can turn them on later (running the binary as plain Node, the
 * NODE_OPTIONS variable, --inspect, loading an app from outside its asar archive, file:// with extra
 * privileges). Flipped by scripts/apply-fuses.ts on the packaged binary; tests check the wire.
 * Not applied to the development binary: Playwright drives that one through --inspect.
 */
import { FuseVersion, FuseV1Options, type FuseV1Config } from '@electron/fuses';

export const PACKAGED_FUSES = {
  version: FuseVersion.V1,
  // Fuses a hardened build turns off: the app only ever runs as itself.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // Our app has no browser-process V8 snapshot of its own.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Fuses it turns on: cookies encrypted at rest, the app only from a checked asar archive.
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Ad-hoc re-signing on macOS after flipping (an unsigned flipped binary will not start on arm64).
  resetAdHocDarwinSignature: true,
} satisfies FuseV1Config;

/** The state each fuse must have in a packaged binary, by option number (as getCurrentFuseWire reports it). */
export function expectedFuseWire(): Map<FuseV1Options, boolean> {
  const wire = new Map<FuseV1Options, boolean>();
  for (const option of Object.values(FuseV1Options)) {
    if (typeof option !== 'number') continue;
    const value = (PACKAGED_FUSES as Partial<Record<FuseV1Options, boolean>>)[option];
    if (typeof value === 'boolean') wire.set(option, value);
  }
  return wire;
}
