/**
 * The limits of one capture (settings with defaults) and the words that name them, so every
 * message says which limit stopped a capture ("timed out after 60 s").
 */
import { z } from 'zod';

export const CaptureLimitsSchema = z.object({
  /** Longest time the page may take to load. */
  timeoutSeconds: z.number().int().min(1).max(600),
  /** Largest total of all responses' bodies. */
  maxMegabytes: z.number().int().min(1).max(1024),
  /** Most requests the page may make. */
  maxRequests: z.number().int().min(1).max(10_000),
  /** Most redirects on the way to the page (HTTP and the page's own navigations). */
  maxRedirects: z.number().int().min(0).max(50),
});
export type CaptureLimits = z.infer<typeof CaptureLimitsSchema>;

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = {
  timeoutSeconds: 60,
  maxMegabytes: 50,
  maxRequests: 500,
  maxRedirects: 10,
};

/** The defaults with any valid stored values on top (an invalid value falls back to its default). */
export function captureLimitsFrom(stored: Partial<Record<keyof CaptureLimits, unknown>> | undefined): CaptureLimits {
  const out = { ...DEFAULT_CAPTURE_LIMITS };
  for (const key of Object.keys(out) as (keyof CaptureLimits)[]) {
    const parsed = CaptureLimitsSchema.shape[key].safeParse(stored?.[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

export const limitWords = {
  time: (limits: Pick<CaptureLimits, 'timeoutSeconds'>) => `timed out after ${limits.timeoutSeconds} s`,
  size: (limits: Pick<CaptureLimits, 'maxMegabytes'>) => `the ${limits.maxMegabytes} MB size limit`,
  requests: (limits: Pick<CaptureLimits, 'maxRequests'>) => `the limit of ${limits.maxRequests} requests`,
  redirects: (limits: Pick<CaptureLimits, 'maxRedirects'>) => `the limit of ${limits.maxRedirects} redirects`,
};
