/**
 * File-system errors in words a fact-checker understands: the one table from errno codes to
 * reasons, as a sentence for the app ("the disk is full.") or as a short clause for command-line
 * messages about a file that could not be read ("file not found").
 */

const REASONS: Record<string, string> = {
  ENOENT: 'the file or its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  EMFILE: 'too many open files; close some programs and try again',
  ENFILE: 'too many open files; close some programs and try again',
  EIO: 'the disk reported an input/output error',
};

export function errnoOf(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export function isErrno(err: unknown, code: string): boolean {
  return errnoOf(err) === code;
}

/** A short reason for a file-system error, as a sentence ("permission denied."). */
export function describeFsError(err: unknown): string {
  const reason = REASONS[errnoOf(err) ?? ''];
  if (reason) return `${reason}.`;
  return err instanceof Error ? err.message : String(err);
}

/** Why a file could not be read, as a clause after its name: "file not found", "is a folder, not a project file". */
export function readProblem(err: unknown, what = 'file'): string {
  const code = errnoOf(err);
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return `is a folder, not a ${what}`;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read the file (${REASONS[code ?? ''] ?? (err instanceof Error ? err.message : String(err))})`;
}

/** Why a folder could not be made, as a sentence: a file standing where a folder is expected gets its own words. */
export function describeFolderError(err: unknown): string {
  if (isErrno(err, 'EEXIST') || isErrno(err, 'ENOTDIR')) return 'a file is in the way where a folder is expected.';
  return describeFsError(err);
}
