/**
 * Capture settings: the limits (stored with the user's settings, defaults for anything missing or
 * invalid) and the Save Page Now endpoint. FACTCHECK_WAYBACK_ENDPOINT overrides the endpoint (tests
 * point it at a loopback stand-in of the service).
 */
import { captureLimitsFrom, CaptureLimitsSchema, type CaptureLimits } from '../../../shared/captures/captureLimits';
import type { CaptureSettings } from '../../../shared/captures/captureJobs';
import type { SettingsStore } from '../settings';
import { DEFAULT_WAYBACK_ENDPOINT } from './saveToWayback';

export interface WaybackAccount {
  endpoint: string;
  accessKey?: string;
  secretKey?: string;
}

export async function readCaptureSettings(settings: SettingsStore, env: NodeJS.ProcessEnv = process.env): Promise<CaptureSettings & { wayback: WaybackAccount }> {
  const stored = (await settings.readStored()).capture;
  const endpoint = env.FACTCHECK_WAYBACK_ENDPOINT?.trim() || stored?.waybackEndpoint?.trim() || DEFAULT_WAYBACK_ENDPOINT;
  return {
    limits: captureLimitsFrom(stored?.limits as Partial<Record<keyof CaptureLimits, unknown>> | undefined),
    waybackEndpoint: endpoint,
    wayback: { endpoint, accessKey: stored?.waybackAccessKey, secretKey: stored?.waybackSecretKey },
  };
}

/** Stores changed limits (validated: an out-of-range value is refused by the contract schema). */
export async function updateCaptureLimits(settings: SettingsStore, patch: Partial<CaptureLimits>): Promise<CaptureSettings> {
  const current = await settings.readStored();
  const limits = { ...captureLimitsFrom(current.capture?.limits as Partial<Record<keyof CaptureLimits, unknown>> | undefined), ...definedOnly(patch) };
  await settings.update({ capture: { ...current.capture, limits: CaptureLimitsSchema.parse(limits) } });
  const { wayback: _account, ...visible } = await readCaptureSettings(settings);
  return visible;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
