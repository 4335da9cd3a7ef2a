/** `factcheck validate <file>`: checks a project file without changing it. */
import { readFile } from 'node:fs/promises';
import { parseProjectFile } from '../../shared/projectFile';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function readProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a project file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read the file (${err instanceof Error ? err.message : String(err)})`;
}

/** Returns the exit code: 0 valid, 1 invalid or unreadable. */
export async function validateCommand(file: string, io: CommandOutput): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`invalid: ${file}: ${readProblem(err)}`);
    return 1;
  }
  const parsed = parseProjectFile(text);
  if (!parsed.ok) {
    io.err(`invalid: ${file}: ${parsed.problem}`);
    return 1;
  }
  const { project } = parsed;
  io.out(`valid: ${file} — ${project.title}, ${plural(project.articles.length, 'article')}, ${plural(project.claims.length, 'claim')}`);
  return 0;
}
