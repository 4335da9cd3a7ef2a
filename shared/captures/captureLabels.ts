/** How a capture is named to people: "Captured 28 Nov 2026 10:14 UTC · sha256 3f9a…" and the like. */
import type { Capture, Source } from '../model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-28T10:14:09.120Z" → "28 Nov 2026 10:14 UTC" (the text as it is when it is not a date). */
export function captureTimeLabel(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** The source card's line: "Captured 28 Nov 2026 10:14 UTC · sha256 3f9a…" (HTTP errors named: "· HTTP 404"). */
export function captureSummary(capture: Capture): string {
  const parts = [`Captured ${captureTimeLabel(capture.capturedAt)}`];
  if (capture.httpStatus >= 400) parts.push(`HTTP ${capture.httpStatus}`);
  parts.push(`sha256 ${capture.warc.sha256.slice(0, 4)}…`);
  return parts.join(' · ');
}

/** The newest capture of a source, or undefined. */
export function latestCapture(source: Pick<Source, 'captures'>): Capture | undefined {
  const captures = source.captures ?? [];
  let latest: Capture | undefined;
  for (const capture of captures) if (!latest || capture.capturedAt >= latest.capturedAt) latest = capture;
  return latest;
}

/** For reports: when the newest capture was made and the full SHA-256 of its web archive. */
export function captureEvidenceLine(source: Pick<Source, 'captures'>): { capturedAt: string; sha256: string; httpStatus: number; wayback?: string } | undefined {
  const capture = latestCapture(source);
  if (!capture) return undefined;
  return { capturedAt: captureTimeLabel(capture.capturedAt), sha256: capture.warc.sha256, httpStatus: capture.httpStatus, wayback: capture.wayback?.url };
}
