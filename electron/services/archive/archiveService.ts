/**
 * The fact-check archive of one data folder: published fact-checks imported from ClaimReview and
 * every claim with a verdict in the user's projects, searchable for "Checked before?".
 *
 * - Opened lazily: the saved parts (with their BM25 index) are read on first use, never rebuilt.
 * - Other processes (an import on the command line while the app runs) replace parts whole under
 *   `archive.lock`; every search first checks the parts' signatures and re-reads what changed.
 * - The open project's edits only note which claims they touched (so applyChanges never waits);
 *   a debounced flush then updates just those claims and rewrites the small projects part.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { WorkbenchError } from '../../../shared/api';
import { FactCheckArchive, isProjectsPart, isPublishedPart, type ArchiveSearchOptions, type ImportOutcome } from '../../../shared/archive/archive';
import { parseFeedText, readClaimReviewFeed } from '../../../shared/archive/claimReviewFeed';
import { claimFactChecks, projectFactChecks } from '../../../shared/archive/projectFactChecks';
import type { CheckedBeforeResult } from '../../../shared/archive/types';
import type { Project } from '../../../shared/operations';
import { describeFsError } from '../fsErrors';
import { archiveDirOf, lockArchive, PROJECTS_FILE, PUBLISHED_FILE, readPart, signatureOf, writePart } from './archiveFiles';
import { knownProjectFiles, projectFileState, readProjectFactChecks, type ProjectFileState, type ReadProjectFile } from './projectFiles';

export interface ArchiveServiceOptions {
  /** Delay before noted project changes are written (default 1000 ms); changes within it are written together. */
  debounceMs?: number;
  /** A background update failed (the editor is never interrupted for it). */
  onError?: (err: unknown) => void;
}

export interface ImportReport extends ImportOutcome {
  /** Items of the file that are not a usable ClaimReview. */
  invalid: number;
}

export interface CheckedBeforeOptions extends Pick<ArchiveSearchOptions, 'exclude'> {
  limit?: number;
}

type ProjectView = Pick<Project, 'id' | 'title' | 'claims' | 'ratingScale' | 'history'>;

interface PendingProject {
  project: ProjectView;
  claimIds: Set<string>;
  /** Every claim (a project opened, renamed or given another scale). */
  full: boolean;
}

export const DEFAULT_CHECKED_BEFORE_LIMIT = 10;
const DEFAULT_DEBOUNCE_MS = 1000;
/** How often searches look again for project files changed elsewhere. */
const RESCAN_MS = 15_000;

export class ArchiveService {
  readonly dir: string;
  private readonly archive = new FactCheckArchive();
  /** Signatures of the parts as last read or written here; undefined: not read yet. */
  private publishedSignature: string | null | undefined;
  private projectsSignature: string | null | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, PendingProject>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Project files open in this process (path → project id): their state comes from memory, not disk. */
  private readonly live = new Map<string, string>();
  /** When the project files were last looked at (null: not yet). */
  private scannedAt: number | null = null;
  private readonly debounceMs: number;
  private readonly onError: (err: unknown) => void;
  /** Damaged parts set aside, for the caller to report. */
  readonly problems: string[] = [];

  constructor(
    private readonly dataDir: string,
    options: ArchiveServiceOptions = {},
  ) {
    this.dir = archiveDirOf(dataDir);
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.onError = options.onError ?? ((err) => console.error(`factcheck: the fact-check archive could not be updated: ${err instanceof Error ? err.message : String(err)}`));
  }

  private get publishedFile(): string {
    return path.join(this.dir, PUBLISHED_FILE);
  }

  private get projectsFile(): string {
    return path.join(this.dir, PROJECTS_FILE);
  }

  /** Runs reads and changes of this archive one at a time within the process. */
  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Reads the parts that are new or were replaced by another process since. Only inside `serial`. */
  private async catchUp(): Promise<void> {
    if (this.publishedSignature === undefined || (await signatureOf(this.publishedFile)) !== this.publishedSignature) {
      const read = await readPart(this.publishedFile, isPublishedPart);
      this.archive.loadPublished(read.part);
      this.publishedSignature = read.signature;
      if (read.problem) this.problems.push(read.problem);
    }
    if (this.projectsSignature === undefined || (await signatureOf(this.projectsFile)) !== this.projectsSignature) {
      const read = await readPart(this.projectsFile, isProjectsPart);
      this.archive.loadProjects(read.part);
      this.projectsSignature = read.signature;
      if (read.problem) this.problems.push(read.problem);
    }
  }

  /** Changes the archive under its lock, on top of the latest saved parts, and writes the parts it changed. */
  private mutate<T>(change: () => { result: T; published?: boolean; projects?: boolean }): Promise<T> {
    return this.serial(async () => {
      const lock = await lockArchive(this.dir);
      try {
        await this.catchUp();
        const { result, published, projects } = change();
        try {
          if (published) this.publishedSignature = await writePart(this.publishedFile, this.archive.publishedPart());
          if (projects) this.projectsSignature = await writePart(this.projectsFile, this.archive.projectsPart());
        } catch (err) {
          // Memory is ahead of the disk now: read the parts again next time.
          this.publishedSignature = undefined;
          this.projectsSignature = undefined;
          throw new WorkbenchError('io-error', `Cannot save the fact-check archive: ${describeFsError(err)}`);
        }
        return result;
      } finally {
        await lock.release().catch(() => undefined);
      }
    });
  }

  // ---------- published fact-checks ----------

  /** Imports a ClaimReview file (one object, an array, an @graph or a data feed). Throws when the file cannot be read. */
  async importFile(file: string): Promise<ImportReport> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      throw new WorkbenchError('io-error', `Cannot read "${file}": ${describeFsError(err)}`);
    }
    const value = parseFeedText(text);
    if (value === null) throw new WorkbenchError('unsupported-file', `Cannot read "${file}": it is not JSON or JSON Lines.`);
    return this.importValue(value);
  }

  /** Imports ClaimReview JSON-LD already parsed. */
  async importValue(value: unknown): Promise<ImportReport> {
    const { items, invalid } = readClaimReviewFeed(value);
    const outcome = await this.mutate(() => {
      const result = this.archive.importFactChecks(items);
      return { result, published: result.imported > 0 };
    });
    return { ...outcome, invalid };
  }

  // ---------- searching ----------

  /** Earlier fact-checks of the claim in `text`, best first. */
  async checkedBefore(text: string, options: CheckedBeforeOptions = {}): Promise<CheckedBeforeResult> {
    await this.serial(() => this.catchUp());
    // The first search waits for the project files; later ones look again in the background now and then.
    const now = Date.now();
    if (this.scannedAt === null) {
      this.scannedAt = now;
      await this.scanProjectFiles().catch((err) => this.onError(err));
    } else if (now - this.scannedAt >= RESCAN_MS) {
      this.scannedAt = now;
      this.scanProjectFiles().catch((err) => this.onError(err));
    }
    return { matches: this.archive.search(text, { limit: options.limit ?? DEFAULT_CHECKED_BEFORE_LIMIT, exclude: options.exclude }) };
  }

  /** Sizes, for the command line and the benchmark. */
  async counts(): Promise<{ published: number; projects: number }> {
    await this.serial(() => this.catchUp());
    return { published: this.archive.publishedCount, projects: this.archive.projectCount };
  }

  // ---------- the user's projects ----------

  /**
   * Reads the recent projects and the projects folder into the archive: only files that changed since
   * they were last read, and never one open here (its state in memory is newer than on disk).
   */
  async scanProjectFiles(): Promise<void> {
    await this.serial(() => this.catchUp());
    const liveIds = new Set(this.live.values());
    const reads: { file: string; state: ProjectFileState; read: ReadProjectFile }[] = [];
    for (const file of await knownProjectFiles(this.dataDir)) {
      if (this.live.has(file)) continue;
      const state = await projectFileState(file);
      if (!state) continue;
      const known = this.archive.projectFile(file);
      if (known && known.mtimeMs === state.mtimeMs && known.size === state.size) continue;
      reads.push({ file, state, read: await readProjectFactChecks(file) });
    }
    if (reads.length === 0) return;
    await this.mutate(() => {
      for (const { file, state, read } of reads) {
        if (read.projectId && !liveIds.has(read.projectId)) this.archive.setProject(read.projectId, read.items);
        this.archive.recordProjectFile(file, { projectId: read.projectId ?? '', ...state });
      }
      return { result: undefined, projects: true };
    });
  }

  /** A project was opened, created or saved under a new name here: all its claims are (re)recorded. */
  noteProject(file: string, project: ProjectView): void {
    for (const [openFile, id] of this.live) if (id === project.id) this.live.delete(openFile);
    this.live.set(path.resolve(file), project.id);
    this.note(project, [], true);
  }

  /** A project file is no longer open here. */
  releaseProject(file: string): void {
    this.live.delete(path.resolve(file));
  }

  /** Changes touched these claims of an open project (`full`: its title or scale changed, so every claim). */
  noteChanges(project: ProjectView, claimIds: Iterable<string>, full = false): void {
    this.note(project, claimIds, full);
  }

  private note(project: ProjectView, claimIds: Iterable<string>, full: boolean): void {
    const entry = this.pending.get(project.id) ?? { project, claimIds: new Set<string>(), full: false };
    entry.project = project;
    entry.full ||= full;
    for (const id of claimIds) entry.claimIds.add(id);
    this.pending.set(project.id, entry);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writePending().catch((err) => this.onError(err));
    }, this.debounceMs);
    this.timer.unref?.();
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    await this.mutate(() => {
      let changed = false;
      for (const { project, claimIds, full } of batch) {
        const updated = full
          ? this.archive.setProject(project.id, projectFactChecks(project))
          : this.archive.updateClaims(project.id, claimFactChecks(project, claimIds));
        changed = updated || changed;
      }
      return { result: undefined, projects: changed };
    });
  }

  /** Writes noted changes now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writePending();
    await this.tail;
  }
}
