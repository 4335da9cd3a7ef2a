/**
 * The fact-check archive on the command line:
 *   factcheck archive import <file> [--data-dir DIR]
 *     ClaimReview JSON-LD (one object, an array, an @graph or a data feed) into the archive; last line
 *     "imported N, skipped M, invalid K". Exit 0 when the file was read, 1 when it cannot be.
 *   factcheck checked-before "<claim text>" [--json] [--limit N] [--data-dir DIR]
 *     Earlier fact-checks of the claim, best first; --json prints { "matches": [...] }.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckedBeforeMatch } from '../../shared/archive/types';
import { ArchiveService, DEFAULT_CHECKED_BEFORE_LIMIT } from '../services/archive/archiveService';
import { defaultDataDir } from './dataDir';
import type { CommandOutput } from './validateCommand';

export const ARCHIVE_USAGE = 'Usage: factcheck archive import <file> [--data-dir DIR]';
export const CHECKED_BEFORE_USAGE = 'Usage: factcheck checked-before "<claim text>" [--json] [--limit N] [--data-dir DIR]';

const MAX_LIMIT = 100;

function usage(io: CommandOutput, message: string, line: string): number {
  io.err(`factcheck: ${message}`);
  io.err(line);
  return 2;
}

function failure(io: CommandOutput, verb: string, err: unknown): number {
  io.err(`factcheck ${verb}: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}

export async function archiveCommand(args: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    return usage(io, (err as Error).message, ARCHIVE_USAGE);
  }
  if (parsed.values.help) {
    io.out(ARCHIVE_USAGE);
    return 0;
  }
  const [verb, file, ...extra] = parsed.positionals;
  if (verb !== 'import') return usage(io, verb ? `unknown archive command: ${verb}` : 'archive needs a command', ARCHIVE_USAGE);
  if (!file || extra.length > 0) return usage(io, 'archive import needs exactly one file', ARCHIVE_USAGE);
  const service = new ArchiveService(resolve(parsed.values['data-dir'] ?? defaultDataDir()));
  try {
    const report = await service.importFile(resolve(file));
    for (const problem of service.problems) io.err(`factcheck archive: ${problem}`);
    io.out(`imported ${report.imported}, skipped ${report.skipped}, invalid ${report.invalid}`);
    return 0;
  } catch (err) {
    return failure(io, 'archive import', err);
  }
}

/** One match as a human-readable block: statement, then verdict and where it comes from. */
export function describeMatch(match: CheckedBeforeMatch, rank: number): string[] {
  const where = match.source === 'project' ? `project "${match.project ?? ''}"` : (match.publisher ?? 'published fact-check');
  const lines = [`${rank}. ${match.statement}`];
  lines.push(`   ${match.verdict} — ${where}${match.date ? `, ${match.date}` : ''} (score ${match.score.toFixed(2)}${match.sameClaim ? ', same claim' : ''})`);
  if (match.url) lines.push(`   ${match.url}`);
  return lines;
}

export async function checkedBeforeCommand(args: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, limit: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    return usage(io, (err as Error).message, CHECKED_BEFORE_USAGE);
  }
  if (parsed.values.help) {
    io.out(CHECKED_BEFORE_USAGE);
    return 0;
  }
  const text = parsed.positionals.join(' ').trim();
  if (!text) return usage(io, 'checked-before needs the claim text', CHECKED_BEFORE_USAGE);
  let limit = DEFAULT_CHECKED_BEFORE_LIMIT;
  if (parsed.values.limit !== undefined) {
    limit = Number(parsed.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return usage(io, `invalid limit: ${parsed.values.limit} (1 to ${MAX_LIMIT})`, CHECKED_BEFORE_USAGE);
  }
  const service = new ArchiveService(resolve(parsed.values['data-dir'] ?? defaultDataDir()));
  try {
    const result = await service.checkedBefore(text, { limit });
    await service.flush();
    for (const problem of service.problems) io.err(`factcheck checked-before: ${problem}`);
    if (parsed.values.json) {
      io.out(JSON.stringify(result, null, 2));
      return 0;
    }
    if (result.matches.length === 0) {
      io.out('No earlier fact-check of this claim was found.');
      return 0;
    }
    result.matches.forEach((match, i) => {
      for (const line of describeMatch(match, i + 1)) io.out(line);
    });
    return 0;
  } catch (err) {
    return failure(io, 'checked-before', err);
  }
}
