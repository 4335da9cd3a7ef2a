/**
 * `factcheck import-annotations <project> <file>`: turns W3C Web Annotations (ours, Recogito's, …)
 * or Hypothesis JSON into claims of the matching article in the project, anchored in its text.
 */
import { parseArgs } from 'node:util';
import { importAnnotationsIntoProjectFile } from '../services/interop/importAnnotationsFile';
import type { CommandOutput } from './validateCommand';

export const IMPORT_ANNOTATIONS_USAGE = `Usage: factcheck import-annotations <project> <file> [--article ID] [--author NAME]

Adds one claim per annotation in <file> (W3C Web Annotation JSON-LD: an Annotation, AnnotationPage,
AnnotationCollection or an array of them; or Hypothesis JSON, {"rows": [...]}) to the project file.
Each annotation is anchored in the article it targets (matched by URL, else by where its quotes
are found); the project must already hold that article (add it in the app first).

Options:
      --article ID    Anchor in this article instead of choosing one
      --author NAME   Recorded in the project history (default: "factcheck import-annotations")
  -h, --help          Show this help

Exit codes: 0 imported (some annotations may not anchor; they are listed), 1 nothing could be
imported or the files could not be read or written, 2 usage error.`;

export async function importAnnotationsCommand(argv: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { article: { type: 'string' }, author: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  if (parsed.values.help) {
    io.out(IMPORT_ANNOTATIONS_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) return usage(io, 'import-annotations needs a project file and an annotation file');
  const [projectFile, annotationFile] = parsed.positionals as [string, string];
  // Without --author the entry names the tool that made it, never the OS account.
  const author = parsed.values.author?.trim() || 'factcheck import-annotations';
  try {
    const { plan, articleTitle } = await importAnnotationsIntoProjectFile(projectFile, annotationFile, {
      author,
      articleId: parsed.values.article,
    });
    if (!plan.article) {
      io.err(
        `factcheck import-annotations: no article in ${projectFile} holds the annotated text. Add the annotated page to the project first (or pass --article ID).`,
      );
      return 1;
    }
    for (const u of plan.unanchored) io.err(`not anchored: annotation ${u.index + 1}: ${u.reason}`);
    for (const r of plan.refused) io.err(`not imported: annotation ${r.index + 1}: ${r.reason}`);
    const dup = plan.duplicates ? `, ${plan.duplicates} already in the project` : '';
    const refused = plan.refused.length ? `; ${plan.refused.length} refused` : '';
    io.out(`Anchored ${plan.anchored} of ${plan.total} annotations in "${articleTitle ?? plan.article.id}"${dup}; ${plan.unanchored.length} not anchored${refused}.`);
    return plan.anchored > 0 || (plan.total > 0 && plan.duplicates === plan.total) ? 0 : 1;
  } catch (err) {
    io.err(`factcheck import-annotations: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function usage(io: CommandOutput, message: string): number {
  io.err(`factcheck import-annotations: ${message}`);
  io.err('Run "factcheck import-annotations --help" for usage.');
  return 2;
}
