/** `factcheck validate <file>`: checks a project file without changing it. */
import { readFile } from 'node:fs/promises';
import { parseProjectFile } from '../../shared/projectFile';
import { readProblem } from '../services/fsErrors';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Returns the exit code: 0 valid, 1 invalid or unreadable. */
export async function validateCommand(file: string, io: CommandOutput): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`invalid: ${file}: ${readProblem(err, 'project file')}`);
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
