/**
 * The fact-check archive in memory: published fact-checks (imported ClaimReview) and the claims with
 * a verdict in the user's projects, each a keyed collection with its BM25 index, changed one item at
 * a time. Saved as two parts, so a change to a project rewrites only the small projects part and an
 * import only the published part; the parts carry their index, so opening never rebuilds it.
 */
import { publishedKey, verdictOfRating } from './claimReviewFeed';
import { FactCheckCollection, type CollectionSnapshot } from './collection';
import { projectFactCheckKey } from './projectFactChecks';
import { ProfileCache, searchFactChecks, type SearchOptions, type SearchSource } from './search';
import { ANALYZER_VERSION } from './termIndex';
import type { CheckedBeforeMatch, ProjectFactCheck, PublishedFactCheck } from './types';

export const ARCHIVE_PART_VERSION = 1;

/** The last state of a project file that was read into the archive (so an unchanged file is not read again). */
export interface ProjectFileRecord {
  projectId: string;
  mtimeMs: number;
  size: number;
}

export interface PublishedPart {
  format: 'factcheck-archive-published';
  version: number;
  analyzer: number;
  collection: CollectionSnapshot<PublishedFactCheck>;
}

export interface ProjectsPart {
  format: 'factcheck-archive-projects';
  version: number;
  analyzer: number;
  collection: CollectionSnapshot<ProjectFactCheck>;
  /** Project files by absolute path. */
  files: Record<string, ProjectFileRecord>;
}

export interface ImportOutcome {
  imported: number;
  /** Already in the archive (same page and claim), or repeated within the import. */
  skipped: number;
}

export interface ArchiveSearchOptions extends Omit<SearchOptions, 'model'> {
  /** Leave out this claim of a project (the claim being checked), or every claim of the project (no claimId). */
  exclude?: { projectId: string; claimId?: string };
}

const publishedText = (item: PublishedFactCheck) => item.claimReviewed;
const projectText = (item: ProjectFactCheck) => item.statement;

function newPublished(snapshot?: CollectionSnapshot<PublishedFactCheck>) {
  return new FactCheckCollection<PublishedFactCheck>({ key: publishedKey, text: publishedText }, snapshot);
}

function newProjects(snapshot?: CollectionSnapshot<ProjectFactCheck>) {
  return new FactCheckCollection<ProjectFactCheck>({ key: projectFactCheckKey, text: projectText }, snapshot);
}

/** A collection from a saved part: its index as saved, or rebuilt from its items when the terms have changed since. */
function restore<T>(snapshot: CollectionSnapshot<T>, analyzer: number, create: (s?: CollectionSnapshot<T>) => FactCheckCollection<T>) {
  if (analyzer === ANALYZER_VERSION) return create(snapshot);
  const rebuilt = create();
  for (const [, item] of snapshot.items) rebuilt.put(item);
  return rebuilt;
}

export function isPublishedPart(value: unknown): value is PublishedPart {
  const part = value as PublishedPart | null;
  return typeof part === 'object' && part !== null && part.format === 'factcheck-archive-published' && isCollectionSnapshot(part.collection);
}

export function isProjectsPart(value: unknown): value is ProjectsPart {
  const part = value as ProjectsPart | null;
  return (
    typeof part === 'object' &&
    part !== null &&
    part.format === 'factcheck-archive-projects' &&
    isCollectionSnapshot(part.collection) &&
    typeof part.files === 'object' &&
    part.files !== null
  );
}

function isCollectionSnapshot(value: unknown): boolean {
  const s = value as CollectionSnapshot<unknown> | null;
  return typeof s === 'object' && s !== null && Array.isArray(s.items) && typeof s.nextId === 'number' && typeof s.index === 'object' && s.index !== null;
}

export class FactCheckArchive {
  private publishedItems = newPublished();
  private projectItems = newProjects();
  private readonly files = new Map<string, ProjectFileRecord>();
  private readonly profiles = new ProfileCache(20_000);

  get publishedCount(): number {
    return this.publishedItems.size;
  }

  get projectCount(): number {
    return this.projectItems.size;
  }

  // ---------- published fact-checks ----------

  /** Adds published fact-checks; one whose page and claim are already in the archive is skipped. */
  importFactChecks(items: Iterable<PublishedFactCheck>): ImportOutcome {
    let imported = 0;
    let skipped = 0;
    for (const item of items) {
      if (this.publishedItems.hasKey(publishedKey(item))) {
        skipped++;
        continue;
      }
      this.publishedItems.put(item);
      imported++;
    }
    return { imported, skipped };
  }

  // ---------- the user's projects ----------

  /** Makes the archive hold exactly `items` for this project (a project opened, saved or read from disk). */
  setProject(projectId: string, items: readonly ProjectFactCheck[]): boolean {
    let changed = false;
    const keep = new Set(items.map(projectFactCheckKey));
    const stale = [...this.projectItems.values()].filter((item) => item.projectId === projectId && !keep.has(projectFactCheckKey(item)));
    for (const item of stale) changed = this.projectItems.delete(projectFactCheckKey(item)) || changed;
    for (const item of items) changed = this.projectItems.put(item) !== 'unchanged' || changed;
    return changed;
  }

  /** Updates some claims of a project: an item replaces the claim's entry, null removes it. */
  updateClaims(projectId: string, items: ReadonlyMap<string, ProjectFactCheck | null>): boolean {
    let changed = false;
    for (const [claimId, item] of items) {
      if (item) changed = this.projectItems.put(item) !== 'unchanged' || changed;
      else changed = this.projectItems.delete(projectFactCheckKey({ projectId, claimId })) || changed;
    }
    return changed;
  }

  projectFile(path: string): ProjectFileRecord | undefined {
    return this.files.get(path);
  }

  recordProjectFile(path: string, record: ProjectFileRecord): void {
    this.files.set(path, record);
  }

  // ---------- searching ----------

  /** Earlier fact-checks of the claim in `text`, best first (see search.ts). */
  search(text: string, options: ArchiveSearchOptions = {}): CheckedBeforeMatch[] {
    const { exclude, ...rest } = options;
    const published: SearchSource<PublishedFactCheck> = {
      collection: this.publishedItems,
      text: publishedText,
      toMatch: (item) => ({
        statement: item.claimReviewed,
        verdict: verdictOfRating(item.rating),
        source: 'archive',
        ...(item.url ? { url: item.url } : {}),
        ...(item.publisher ? { publisher: item.publisher } : {}),
        ...(item.datePublished ? { date: item.datePublished } : {}),
      }),
    };
    const projects: SearchSource<ProjectFactCheck> = {
      collection: this.projectItems,
      text: projectText,
      toMatch: (item) => ({
        statement: item.statement,
        verdict: item.verdict,
        source: 'project',
        project: item.projectTitle,
        ...(item.date ? { date: item.date } : {}),
      }),
      skip: exclude ? (item) => item.projectId === exclude.projectId && (exclude.claimId === undefined || item.claimId === exclude.claimId) : undefined,
    };
    return searchFactChecks(text, [projects, published], rest, this.profiles);
  }

  // ---------- saving and restoring ----------

  publishedPart(): PublishedPart {
    return { format: 'factcheck-archive-published', version: ARCHIVE_PART_VERSION, analyzer: ANALYZER_VERSION, collection: this.publishedItems.toSnapshot() };
  }

  projectsPart(): ProjectsPart {
    return {
      format: 'factcheck-archive-projects',
      version: ARCHIVE_PART_VERSION,
      analyzer: ANALYZER_VERSION,
      collection: this.projectItems.toSnapshot(),
      files: Object.fromEntries(this.files),
    };
  }

  /** Replaces the published fact-checks with a saved part (null: none). */
  loadPublished(part: PublishedPart | null): void {
    this.publishedItems = part ? restore(part.collection, part.analyzer, newPublished) : newPublished();
  }

  /** Replaces the projects' claims and file records with a saved part (null: none). */
  loadProjects(part: ProjectsPart | null): void {
    this.projectItems = part ? restore(part.collection, part.analyzer, newProjects) : newProjects();
    this.files.clear();
    for (const [path, record] of Object.entries(part?.files ?? {})) this.files.set(path, record);
  }
}
