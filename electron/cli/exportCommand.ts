/**
 * `factcheck export <project> --format html|pdf|md|csv|claimreview|w3c [-o file] [--approved-only]`:
 * writes a report or data export of a project file. Text formats go to stdout without -o; PDF needs -o.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../../shared/api';
import { EXPORT_FORMATS, isExportFormat, renderExport, type ExportWarning } from '../../shared/interop';
import { PageSizeSchema } from '../../shared/interop/pageSize';
import { styleDigest } from '../services/interop/styleDigest';
import { parseProjectFile } from '../../shared/projectFile';
import { NO_CHROMIUM_MESSAGE } from '../services/interop/chromiumPdf';
import { exportToFile, localPageSize } from '../services/interop/exportProject';
import type { CommandOutput } from './validateCommand';
import { readProblem } from '../services/fsErrors';
import { sha256Hex } from '../services/intake/sha256';

export const EXPORT_USAGE = `Usage: factcheck export <project> --format FORMAT [-o FILE] [options]

Writes a report or data export of a project file (*.factcheck.json).

Formats:
  html          Annotated report: one self-contained HTML file (no script, no remote resource)
  pdf           The same report as PDF, printed by a local Chromium (needs -o;
                set CHROMIUM_PATH if Chromium/Chrome is not found)
  md            The report as Markdown
  csv           One row per claim (RFC 4180; formula cells neutralised)
  claimreview   schema.org ClaimReview JSON-LD, one per claim with a verdict
  w3c           W3C Web Annotation JSON-LD (an AnnotationCollection)

Options:
  -f, --format FORMAT     One of: ${EXPORT_FORMATS.join(', ')}
  -o, --output FILE       Write to FILE (default: stdout; required for pdf)
      --approved-only     Only claims whose review state is Approved
      --url URL           Where the report is published, instead of the project's "Published at"
                          (ClaimReview url: a claim's own Fact-check URL, else URL#claim-<claim id>)
      --organisation NAME Publishing organisation (ClaimReview author), instead of the project's
      --page-size SIZE    html, pdf: a4 or letter (default: from the locale; Letter in the US and Canada)
      --bom               CSV: start with a UTF-8 byte order mark (for spreadsheet apps)
  -h, --help              Show this help

Exit codes: 0 written, 1 failed (unreadable project, cannot write), 2 usage error.`;

export async function exportCommand(argv: string[], io: CommandOutput, stdout: (text: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'approved-only': { type: 'boolean' },
        url: { type: 'string' },
        organisation: { type: 'string' },
        organization: { type: 'string' },
        'page-size': { type: 'string' },
        bom: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) return usage(io, 'export needs exactly one project file');
  if (!v.format) return usage(io, `--format is required (one of: ${EXPORT_FORMATS.join(', ')})`);
  const format = v.format.toLowerCase();
  if (!isExportFormat(format)) return usage(io, `unknown format "${v.format}" (use one of: ${EXPORT_FORMATS.join(', ')})`);
  if (format === 'pdf' && !v.output) return usage(io, 'pdf export needs an output file: add -o report.pdf');
  const pageSize = v['page-size'] === undefined ? localPageSize() : PageSizeSchema.safeParse(v['page-size'].toLowerCase()).data;
  if (!pageSize) return usage(io, `unknown page size "${v['page-size']}" (use a4 or letter)`);

  const file = parsed.positionals[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`factcheck export: ${file}: ${readProblem(err, 'project file')}`);
    return 1;
  }
  const project = parseProjectFile(text, sha256Hex);
  if (!project.ok) {
    io.err(`factcheck export: ${file} is not a valid project file: ${project.problem}`);
    return 1;
  }
  const options = {
    approvedOnly: !!v['approved-only'],
    url: v.url,
    organisation: v.organisation ?? v.organization,
    bom: !!v.bom,
    pageSize,
  };
  try {
    if (!v.output) {
      const rendered = renderExport(project.project, format as Exclude<typeof format, 'pdf'>, { ...options, styleDigest });
      stdout(rendered.text);
      for (const w of rendered.warnings) io.err(`warning: ${withFlag(w)}`);
      return 0;
    }
    const result = await exportToFile(project.project, format, v.output, options);
    for (const w of result.warnings) io.err(`warning: ${withFlag(w)}`);
    io.err(`Wrote ${result.path} (${format}, ${result.bytes} bytes)`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`factcheck export: ${message}`);
    if (err instanceof WorkbenchError && message === NO_CHROMIUM_MESSAGE) return 1;
    return 1;
  }
}

/** On the command line, a warning about publication details also names the flag that gives them. */
function withFlag(warning: ExportWarning): string {
  if (warning.code === 'no-url' || warning.code === 'bad-url') return `${warning.message} (or pass --url)`;
  if (warning.code === 'no-organisation') return `${warning.message} (or pass --organisation)`;
  return warning.message;
}

function usage(io: CommandOutput, message: string): number {
  io.err(`factcheck export: ${message}`);
  io.err('Run "factcheck export --help" for usage.');
  return 2;
}
