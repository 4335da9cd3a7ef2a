/**
 * `factcheck extract <file> [--json]`: runs the article intake on a file and prints its canonical
 * text, or with --json `{ metadata, blocks: [{ type, text, level?, page? }], text }`.
 * Exit code 0 on success; 1 with one clear message on stderr when the file cannot be read or
 * imported; 2 for a usage error.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importArticleFile } from '../services/intake/importArticle';
import type { CommandOutput } from './validateCommand';
import { readProblem } from '../services/fsErrors';

export const EXTRACT_USAGE = 'Usage: factcheck extract <file> [--json]';

export async function extractCommand(args: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    io.err(`factcheck: ${(err as Error).message}`);
    io.err(EXTRACT_USAGE);
    return 2;
  }
  if (parsed.values.help) {
    io.out(EXTRACT_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    io.err('factcheck: extract needs exactly one file');
    io.err(EXTRACT_USAGE);
    return 2;
  }
  const file = parsed.positionals[0]!;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    io.err(`factcheck extract: ${file}: ${readProblem(err)}`);
    return 1;
  }
  try {
    const article = await importArticleFile(file, bytes);
    if (parsed.values.json) {
      const blocks = article.blocks.map(({ type, text, level, page }) => ({
        type,
        text,
        ...(level !== undefined ? { level } : {}),
        ...(page !== undefined ? { page } : {}),
      }));
      io.out(JSON.stringify({ metadata: { ...article.metadata, textSha256: article.textSha256 }, blocks, text: article.text }, null, 2));
    } else {
      io.out(article.text);
    }
    return 0;
  } catch (err) {
    io.err(`factcheck extract: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
