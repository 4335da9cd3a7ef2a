/**
 * The boundary contract: every call the renderer may make, with a zod schema for its arguments and
 * its result type. One contract, three thin bindings: IPC (electron/main + electron/preload), HTTP
 * (electron/cli browser-mode host + renderer/src/platform/httpClient.ts) and direct calls (CLI, tests).
 *
 * Results cross a binding wrapped in an envelope (`{ ok: true, value }` / `{ ok: false, error }`) so
 * the error code and message survive serialisation; `unwrap` turns it back into a value or a thrown
 * WorkbenchError.
 */
import { z } from 'zod';
import { limitedText } from './limits';
import { ArticleVersionSchema, type ArticleVersion, type Attachment } from './model';
import { ChangeSchema, type HistoryEntry, type Project } from './operations';
import { EXPORT_FORMATS } from './interop/formats';
import { PageSizeSchema } from './interop/pageSize';
import { RoleSchema, type Role } from './workflow/roles';
import { TextSizeSchema, ThemeSchema, type Theme } from './appearance';
import { CaptureLimitsSchema } from './captures/captureLimits';
import type { CaptureJob, CaptureSettings, EvidenceBundleResult } from './captures/captureJobs';
import type { CheckedBeforeResult } from './archive/types';

export type { CheckedBeforeMatch, CheckedBeforeResult } from './archive/types';
export type { CaptureJob, CaptureJobState, CapturePhase, CaptureSettings, EvidenceBundleResult } from './captures/captureJobs';

// ---------- result types ----------

export interface AppInfo {
  version: string;
  /** 'electron' in the desktop app, 'browser' in browser mode. */
  mode: 'electron' | 'browser';
  /** Folder where new projects go by default. */
  projectsDir: string;
}

export interface Settings {
  userName: string;
  role: Role;
  /** Colour theme: the system's, or light or dark whatever the system says. */
  theme: Theme;
  /** Text size in percent (Ctrl+= / Ctrl+-). */
  textSize: number;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
}

export interface ProjectFileInfo {
  path: string;
  title: string;
  modifiedAt: string;
  /** The project's id when the file could be read: copies of one project share it. */
  projectId?: string;
}

export interface OpenProject {
  path: string;
  /** With `historyTotal`, `project.history` holds only the history's last entries (see HistoryTail). */
  project: Project;
  /**
   * Set only when the caller asked for a history tail and the history is longer: its full length.
   * `project.history` then holds the entries from `historyTotal - project.history.length` on; the
   * earlier ones come from historyPage.
   */
  historyTotal?: number;
  /**
   * What the workbench repaired when it read the file (one sentence per kind, e.g. "3 claims
   * re-anchored after the file was edited outside the app"); absent when nothing was. The file keeps
   * its old content until the next change is saved.
   */
  repairs?: string[];
  /**
   * The change feed's counter (waitForChanges `seq`) when this reply was made: the project holds
   * everything that happened up to it, so a window follows the feed from here, not from 0 (which
   * answers at once with the whole project again).
   */
  changeSeq?: number;
}

/** A slice of the open project's history (historyPage). */
export interface HistoryPage {
  projectId: string;
  /** The history's length now. */
  total: number;
  /** Position of the first entry. */
  from: number;
  entries: HistoryEntry[];
}

/** Most entries one historyPage call returns. */
export const HISTORY_PAGE_MAX = 20_000;

/**
 * Opt-in for openProject and getOpenProject: send only the last `historyTail` entries of the
 * history (with the total). Without it a reply holds the whole project, as any client of the
 * contract that does not page expects.
 */
const historyTail = z.number().int().nonnegative().max(HISTORY_PAGE_MAX).optional();

export interface SaveStatus {
  state: 'idle' | 'saving' | 'saved' | 'error';
  /** Number of history entries known to be on disk. */
  savedSeq: number;
  /** Human-readable reason, when state is 'error'. */
  error?: string;
}

export interface ApplyResult {
  /** The history entries as recorded by the main side (author and time stamped there). */
  entries: HistoryEntry[];
  /** History length after applying. */
  seq: number;
}

export interface PickPathResult {
  /** False when this binding has no native dialog (browser mode): the renderer shows its own. */
  supported: boolean;
  path: string | null;
}

/** An attachment's bytes. */
export interface AttachmentData {
  dataBase64: string;
  mediaType: string;
}

/** An attachment's text as the intake pipeline extracts it, so an excerpt can be selected from it. */
export interface AttachmentText {
  /** Empty when no text could be extracted (e.g. a screenshot); `problem` says why. */
  text: string;
  problem?: string;
}

/** A written export. */
export interface ExportFileResult {
  path: string;
  format: string;
  bytes: number;
  /** Problems worth fixing before publishing (e.g. ClaimReview without a url). */
  warnings: string[];
}

/** The open project's HTML report, for the in-app preview. */
export interface ReportPreview {
  html: string;
  claims: number;
}

export interface ShowInFolderResult {
  /** False where there is no file manager to open (browser mode): show the path instead. */
  shown: boolean;
  path: string;
}

/** What merging a copy did: counts of history entries, what was skipped, and the merged project. */
export interface MergedCopy {
  added: number;
  present: number;
  /** Open conflicts after the merge. */
  conflicts: number;
  /** Entries or files of the copy that were skipped, and why. */
  problems: string[];
  opened: OpenProject;
}

export interface OpenExternalResult {
  opened: boolean;
  reason?: string;
}

/** Background sync of the open project: what the window's status line says. */
export interface SyncStatus {
  /** The folder or server URL (never with a password). */
  target: string;
  user?: string;
  state: 'synced' | 'offline' | 'conflicts';
  /** History entries the target has not acknowledged yet. */
  waiting: number;
  conflicts: number;
  /** Exactly "Synced", "Offline — N changes waiting" or "Conflicts (N)". */
  text: string;
  /** Why the last round did not get through, when it did not. */
  error?: string;
  /** When the last round finished (ISO time), if one did. */
  lastRoundAt?: string;
}

/**
 * One answer of the change feed. `seq` is the main side's change counter (not a history position:
 * a merge may insert older entries); pass it as the next `sinceSeq`. `project` is set when the
 * open project was changed by something other than this window's applyChanges (a merge, a sync
 * round) after `sinceSeq`; absent when the wait timed out with nothing new.
 */
export interface ChangeFeedResult {
  seq: number;
  projectId: string | null;
  project?: Project;
  /** Background sync of the open project, or null when it is not shared through a target. */
  sync: SyncStatus | null;
}

// ---------- the contract ----------

const path = z.string().min(1).max(4096);

export const contract = {
  getAppInfo: z.object({}),
  getSettings: z.object({}),
  updateSettings: z.object({
    userName: limitedText('person').optional(),
    role: RoleSchema.optional(),
    theme: ThemeSchema.optional(),
    textSize: TextSizeSchema.optional(),
  }),
  listRecent: z.object({}),
  listProjectFiles: z.object({}),
  /** Creates a new project file. Without a path, it goes in the projects folder named after the title. */
  createProject: z.object({ title: limitedText('projectTitle', { min: 1 }), path: path.optional() }),
  openProject: z.object({ path, historyTail }),
  /** The project this window has open, if any (used on reload). */
  getOpenProject: z.object({ historyTail }),
  /** Entries `from` … `from + count - 1` of the open project's history (fewer at its end). */
  historyPage: z.object({
    projectId: z.string().min(1),
    from: z.number().int().nonnegative(),
    count: z.number().int().min(1).max(HISTORY_PAGE_MAX),
  }),
  /** Writes the open project to a new path and continues working there. */
  saveProjectAs: z.object({ path }),
  closeProject: z.object({}),
  /** Applies changes to the open project in order; `baseSeq` is the history length the renderer had. */
  applyChanges: z.object({
    projectId: z.string().min(1),
    baseSeq: z.number().int().nonnegative(),
    changes: z.array(ChangeSchema).min(1).max(1000),
  }),
  getSaveStatus: z.object({}),
  /** Resolves once the history up to `seq` is on disk (or the save failed). */
  waitForSave: z.object({ seq: z.number().int().nonnegative() }),
  /** Turns a file's bytes (base64) into an article snapshot; does not add it to the project. */
  importArticle: z.object({
    fileName: z.string().min(1).max(1000),
    dataBase64: z.string().max(96 * 1024 * 1024),
    /** Names this import so cancelImport can stop it. */
    importId: z.string().min(1).max(100).optional(),
  }),
  /** Stops a running import (its worker is terminated); the import then fails with code 'cancelled'. */
  cancelImport: z.object({ importId: z.string().min(1).max(100) }),
  /** Shows a native open/save dialog where the binding has one. */
  pickPath: z.object({
    purpose: z.enum(['openProject', 'saveProject', 'importArticle', 'mergeCopy']),
    defaultPath: z.string().max(4096).optional(),
  }),
  /** Opens an http(s) URL in the system browser, after the URL check. */
  openExternal: z.object({ url: z.string().max(8192) }),
  /** Stores a file beside the open project in `<project>.assets/<sha256>.<ext>`; returns the reference (add it with an attachFile operation). */
  storeAttachment: z.object({
    fileName: z.string().min(1).max(1000),
    dataBase64: z.string().max(96 * 1024 * 1024),
  }),
  /** The bytes of a stored attachment of the open project. */
  readAttachment: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), ext: z.string().regex(/^[a-z0-9]{1,10}$/) }),
  /** The text of a stored attachment, extracted by the intake pipeline. */
  attachmentText: z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    ext: z.string().regex(/^[a-z0-9]{1,10}$/),
    name: z.string().max(1000).optional(),
  }),
  /** Writes an export of the open project; without a path, beside the project file. */
  exportProject: z.object({
    format: z.enum(EXPORT_FORMATS),
    path: path.optional(),
    approvedOnly: z.boolean().optional(),
    /** CSV: start with a UTF-8 byte order mark. */
    bom: z.boolean().optional(),
    /** Overrides the project's "Published at" (ClaimReview url; the command line's --url). */
    url: z.string().max(2000).optional(),
    /** Overrides the project's organisation (ClaimReview author; the command line's --organisation). */
    organisation: z.string().max(500).optional(),
    /** HTML and PDF: the paper the report is laid out for (default: the workbench's locale). */
    pageSize: PageSizeSchema.optional(),
  }),
  /** The open project's HTML report (self-contained, no script) for the preview before saving. */
  previewReport: z.object({ approvedOnly: z.boolean().optional(), pageSize: PageSizeSchema.optional() }),
  /** Shows a saved export in the system file manager, where there is one. */
  showInFolder: z.object({ path }),
  // ---------- captures of sources as evidence ----------
  /**
   * Queues a capture of a source's page (web archive, picture, PDF, text); returns the job. When it
   * is captured, its `capture` is attached with an attachCapture operation. `alsoWayback` defaults to
   * the project's setting (never for a withheld source).
   */
  captureSource: z.object({ sourceId: z.string().min(1).max(200), alsoWayback: z.boolean().optional() }),
  /** The open project's capture jobs, oldest first, with their states and progress. */
  listCaptureQueue: z.object({}),
  /** Cancels a queued, running or waiting capture; a finished one is removed from the list. */
  cancelCapture: z.object({ jobId: z.string().min(1).max(200) }),
  /** Tries a capture that waits for a connection again at once, instead of after its back-off. */
  retryCapture: z.object({ jobId: z.string().min(1).max(200) }),
  /** A file of a capture on a source of the open project: the picture, the PDF or the web archive (or its text as bytes). */
  readCapture: z.object({
    sourceId: z.string().min(1).max(200),
    captureId: z.string().min(1).max(200),
    file: z.enum(['screenshot', 'pdf', 'warc', 'text']),
  }),
  /** The readable text of a capture (the rendered page's, after its scripts ran), to quote an excerpt from. */
  captureText: z.object({ sourceId: z.string().min(1).max(200), captureId: z.string().min(1).max(200) }),
  /** Shows a capture's web archive (WARC) in the system file manager, for a replay tool; where there is none, its path. */
  showCaptureArchive: z.object({ sourceId: z.string().min(1).max(200), captureId: z.string().min(1).max(200) }),
  /** Writes a folder with the HTML report, every capture and attachment, manifest.json and SHA256SUMS; without a path, beside the project. */
  exportEvidenceBundle: z.object({ path: path.optional(), approvedOnly: z.boolean().optional() }),
  /** The capture limits (time, size, requests, redirects) and the Save Page Now endpoint. */
  getCaptureSettings: z.object({}),
  /** Changes capture limits (each within its allowed range). */
  updateCaptureSettings: z.object({ limits: CaptureLimitsSchema.partial().optional() }),
  // ---------- the fact-check archive ----------
  /**
   * Earlier fact-checks of a claim (imported ClaimReview and verdicts in the user's projects), best
   * first: the matches of `text` and of `quote` together. `claimId` leaves out that claim of the open
   * project (the one being checked).
   */
  checkedBefore: z.object({
    text: z.string().max(5000),
    quote: z.string().max(5000).optional(),
    claimId: z.string().min(1).max(200).optional(),
    /** Leave out the open project's own claims (the suggestions' marks: a sentence its own claims check is not "checked before"). */
    otherProjectsOnly: z.boolean().optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  // ---------- team sync in the window ----------
  /**
   * The change feed: a long poll that answers once the open project changed after `sinceSeq` by
   * something other than this window (a merge, a background sync round) or the sync status
   * changed, else after `timeoutMs` (default 25 s) with nothing new.
   */
  waitForChanges: z.object({ sinceSeq: z.number().int().nonnegative(), timeoutMs: z.number().int().min(0).max(60_000).optional() }),
  /**
   * Shares the open project through a sync folder or a CouchDB server and syncs it in the
   * background from then on. The password and passphrase are kept protected in the data folder,
   * never in the project file. A wrong passphrase for a target that has a key is refused.
   */
  shareProject: z.object({
    target: z.string().trim().min(1).max(4096),
    user: z.string().max(200).optional(),
    password: z.string().max(1000).optional(),
    passphrase: z.string().min(1).max(1000),
  }),
  /** Stops background sync of the open project and forgets its target and secrets on this machine. */
  stopSharing: z.object({}),
  /** The open project's sync status, or null when it has no sync target. */
  getSyncStatus: z.object({}),
  /** Your name, public key and key id: what others add to a shared project's members. */
  getIdentity: z.object({}),
  /** Reads a pasted public key: its key id, or why it is not one. */
  describePublicKey: z.object({ publicKey: z.string().max(200) }),
  /** Merges another copy of the open project (a file received by mail or on a stick), its attachments too. */
  mergeCopy: z.object({ path }),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallArgs<K extends CallName> = z.input<Contract[K]>;

export interface CallResults {
  getAppInfo: AppInfo;
  getSettings: Settings;
  updateSettings: Settings;
  listRecent: RecentProject[];
  listProjectFiles: ProjectFileInfo[];
  createProject: OpenProject;
  openProject: OpenProject;
  getOpenProject: OpenProject | null;
  historyPage: HistoryPage;
  saveProjectAs: OpenProject;
  closeProject: null;
  applyChanges: ApplyResult;
  getSaveStatus: SaveStatus;
  waitForSave: SaveStatus;
  importArticle: ArticleVersion;
  cancelImport: { cancelled: boolean };
  pickPath: PickPathResult;
  openExternal: OpenExternalResult;
  storeAttachment: Attachment;
  readAttachment: AttachmentData;
  attachmentText: AttachmentText;
  exportProject: ExportFileResult;
  previewReport: ReportPreview;
  showInFolder: ShowInFolderResult;
  captureSource: CaptureJob;
  listCaptureQueue: CaptureJob[];
  cancelCapture: CaptureJob | null;
  retryCapture: CaptureJob | null;
  readCapture: AttachmentData;
  captureText: AttachmentText;
  showCaptureArchive: ShowInFolderResult;
  exportEvidenceBundle: EvidenceBundleResult;
  getCaptureSettings: CaptureSettings;
  updateCaptureSettings: CaptureSettings;
  checkedBefore: CheckedBeforeResult;
  waitForChanges: ChangeFeedResult;
  shareProject: SyncStatus;
  stopSharing: null;
  getSyncStatus: SyncStatus | null;
  getIdentity: { name: string; publicKey: string; keyId: string; deviceId: string } | null;
  describePublicKey: { ok: true; publicKey: string; keyId: string } | { ok: false; reason: string };
  mergeCopy: MergedCopy;
}

/** What `window.workbench` is, and what createWorkbench returns. */
export type WorkbenchApi = { [K in CallName]: (args: CallArgs<K>) => Promise<CallResults[K]> };

export const callNames = Object.keys(contract) as CallName[];

/** In the desktop app each call is the IPC channel `workbench:<call>` (bound by electron/main, invoked by the preload). */
export const IPC_PREFIX = 'workbench:';

/** Schema of importArticle's result, for bindings that want to check it. */
export const ImportedArticleSchema = ArticleVersionSchema;

// ---------- errors and the envelope ----------

export type ErrorCode =
  | 'invalid-arguments'
  | 'unknown-call'
  | 'forbidden'
  | 'no-project'
  | 'invalid-project'
  | 'project-locked'
  | 'out-of-sync'
  | 'operation-failed'
  | 'unsupported-file'
  | 'io-error'
  | 'cancelled'
  | 'internal';

export class WorkbenchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbenchError';
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Validates a call's arguments against the contract; throws WorkbenchError('invalid-arguments'). */
export function parseArgs<K extends CallName>(name: K, args: unknown): z.output<Contract[K]> {
  const schema = contract[name];
  if (!schema) throw new WorkbenchError('unknown-call', `Unknown call: ${String(name)}`);
  const parsed = schema.safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    throw new WorkbenchError('invalid-arguments', `Invalid arguments for ${name}${where}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data as z.output<Contract[K]>;
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Runs a call and wraps its outcome in an envelope; used by every binding on the main side. */
export async function toEnvelope<T>(run: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (err instanceof WorkbenchError) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message } };
  }
}

/** Opens an envelope on the renderer side: the value, or a thrown WorkbenchError. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope && envelope.ok) return envelope.value;
  const error = envelope && !envelope.ok ? envelope.error : { code: 'internal' as const, message: 'Malformed reply' };
  throw new WorkbenchError(error.code, error.message);
}

/** Validates args and dispatches one call on an implementation: the shared core of every binding. */
export function dispatchCall(api: WorkbenchApi, name: unknown, args: unknown): Promise<Envelope<unknown>> {
  return toEnvelope(async () => {
    if (!isCallName(name)) throw new WorkbenchError('unknown-call', `Unknown call: ${String(name)}`);
    const parsed = parseArgs(name, args);
    return (api[name] as (a: unknown) => Promise<unknown>)(parsed);
  });
}
