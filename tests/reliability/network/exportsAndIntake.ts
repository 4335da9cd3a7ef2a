/**
 * Run by the network test under strace (`node --import tsx exportsAndIntake.ts <out-dir>`): every
 * export of the sample project — PDF through the local Chromium included — and the intake of every
 * article format and of both annotation formats, through the same services the app uses. Prints one
 * JSON line: what was written and read.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS } from '../../../shared/interop';
import { defaultExportName } from '../../../shared/interop/formats';
import { parseProjectFile } from '../../../shared/projectFile';
import { importArticleFile } from '../../../electron/services/intake/importArticle';
import { exportToFile } from '../../../electron/services/interop/exportProject';
import { readAnnotationFile } from '../../../electron/services/interop/importAnnotationsFile';
import { ANNOTATION_FILES, INTAKE_FILES } from './intakeFiles';
import { sha256Hex } from '../../../electron/services/intake/sha256';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');

async function main(outDir: string): Promise<void> {
  const parsed = parseProjectFile(await fs.readFile(path.join(REPO, 'resources', 'sample', 'sample.factcheck.json'), 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  const exported: Record<string, number> = {};
  for (const format of EXPORT_FORMATS) {
    const result = await exportToFile(parsed.project, format, path.join(outDir, defaultExportName(parsed.project.title, format)));
    exported[format] = result.bytes;
  }
  const read: Record<string, number> = {};
  const text = path.join(outDir, 'notes.txt');
  await fs.writeFile(text, 'A plain text article.\n\nIt has two paragraphs, and a link to https://example.org/ that is never fetched.\n');
  for (const file of [...INTAKE_FILES, text]) {
    const version = await importArticleFile(path.basename(file), new Uint8Array(await fs.readFile(file)));
    read[path.extname(file)] = version.text.length;
  }
  for (const file of ANNOTATION_FILES) {
    const annotations = await readAnnotationFile(file);
    read[path.basename(file)] = annotations.length;
  }
  process.stdout.write(`${JSON.stringify({ exported, read })}\n`);
}

await main(path.resolve(process.argv[2] ?? '.'));
