/**
 * `factcheck export-evidence <project> [-o DIR] [--approved-only]`: writes the evidence bundle — the
 * HTML report, every capture and attachment, manifest.json and SHA256SUMS — for a third party to check.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseProjectFile } from '../../shared/projectFile';
import { CAPTURE_TOOL_NAME } from '../services/capture/captureCalls';
import { defaultBundleDir, exportEvidenceBundle } from '../services/capture/evidenceBundle';
import { appVersion } from './appPaths';
import type { CommandOutput } from './validateCommand';

export const EXPORT_EVIDENCE_USAGE = `Usage: factcheck export-evidence <project> [-o DIR] [--approved-only]

Writes an evidence bundle: a folder with the HTML report, every capture (WARC web archive, picture,
PDF, text) and attachment of the project's sources, manifest.json (each file's name, SHA-256, size,
URL and capture time) and SHA256SUMS (check it with "sha256sum -c SHA256SUMS" inside the folder).
Sources withheld for source safety are left out.

Options:
  -o, --output DIR     The folder to write (new or empty; default: beside the project)
      --approved-only  Only approved claims in the report, and only their sources
  -h, --help           Show this help

Prints "Wrote <folder>: <N> files, manifest sha256 <hash>" last.
Exit codes: 0 written, 1 failed, 2 usage error.`;

export async function exportEvidenceCommand(argv: string[], io: CommandOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { output: { type: 'string', short: 'o' }, 'approved-only': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  if (parsed.values.help) {
    io.out(EXPORT_EVIDENCE_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) return usage(io, 'export-evidence needs exactly one project file');
  const file = path.resolve(parsed.positionals[0]!);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`factcheck export-evidence: cannot read ${file}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`);
    return 1;
  }
  const project = parseProjectFile(text);
  if (!project.ok) {
    io.err(`factcheck export-evidence: ${file} is not a valid project file: ${project.problem}`);
    return 1;
  }
  try {
    const target = parsed.values.output ? path.resolve(parsed.values.output) : defaultBundleDir(file, project.project);
    const result = await exportEvidenceBundle(project.project, file, target, {
      approvedOnly: !!parsed.values['approved-only'],
      generator: { name: CAPTURE_TOOL_NAME, version: appVersion() },
    });
    for (const missing of result.missing) io.err(`missing: ${missing}`);
    io.out(`Wrote ${result.path}: ${result.files} files, manifest sha256 ${result.manifestSha256}`);
    return 0;
  } catch (err) {
    io.err(`factcheck export-evidence: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function usage(io: CommandOutput, message: string): number {
  io.err(`factcheck export-evidence: ${message}`);
  io.err('Run "factcheck export-evidence --help" for usage.');
  return 2;
}
