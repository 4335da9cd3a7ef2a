/** The capture queue as the contract shows it: one job per "Capture" press, with its state and progress. */
import type { Capture } from '../model';
import type { CaptureLimits } from './captureLimits';

/**
 * queued: waiting for its turn; capturing: the page is being loaded and recorded; waiting: it could
 * not connect and is retried with back-off ("Waiting for a connection"); captured: done (attach
 * `capture` with an attachCapture operation); failed: will not be retried; cancelled: by the user.
 */
export type CaptureJobState = 'queued' | 'capturing' | 'waiting' | 'captured' | 'failed' | 'cancelled';

export type CapturePhase = 'starting' | 'loading' | 'picture' | 'archive' | 'text' | 'storing' | 'wayback';

export interface CaptureJob {
  id: string;
  /** The open project's id, and the source captured. */
  projectId: string;
  sourceId: string;
  url: string;
  state: CaptureJobState;
  /** What to show: "Waiting to start", "Loading the page…", "Waiting for a connection", "Captured", or why it failed. */
  message: string;
  /** Why the last attempt failed (waiting, failed). */
  error?: string;
  /** Attempts made so far. */
  attempts: number;
  /** When a waiting job tries again (ISO). */
  nextAttemptAt?: string;
  progress?: { phase: CapturePhase; requests: number; bytes: number };
  /** Also ask the Internet Archive to save the page. */
  alsoWayback: boolean;
  createdAt: string;
  finishedAt?: string;
  /** The finished capture (state captured): attach it to the source with an attachCapture operation. */
  capture?: Capture;
}

/** Capture settings of this installation (the limits apply to every capture). */
export interface CaptureSettings {
  limits: CaptureLimits;
  /** Where "Save Page Now" requests go (the Internet Archive, or a stand-in configured for tests). */
  waybackEndpoint: string;
}

/** A written evidence bundle. */
export interface EvidenceBundleResult {
  /** The bundle's folder. */
  path: string;
  /** Files listed in the manifest (report, captures, attachments). */
  files: number;
  /** SHA-256 of manifest.json. */
  manifestSha256: string;
  /** Files that were expected but missing or damaged in the assets folder (left out, named here). */
  missing: string[];
}
