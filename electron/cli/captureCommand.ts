/**
 * `factcheck capture <project> <url> [--also-wayback]`: captures the page (web archive, picture,
 * PDF, readable text) for the project's source with that URL, adding the source when there is none,
 * and saves the project. The last line is `captured <final-url>: <N> records, sha256 <hex>`.
 */
import { parseArgs } from 'node:util';
import { WorkbenchError } from '../../shared/api';
import { captureIntoProjectFile } from '../services/capture/captureProjectFile';
import type { CaptureDeps } from '../services/capture/captureCalls';
import { SettingsStore } from '../services/settings';
import { appVersion } from './appPaths';
import { defaultDataDir } from './dataDir';
import type { CommandOutput } from './validateCommand';

export const CAPTURE_USAGE = `Usage: factcheck capture <project> <url> [--also-wayback] [--author NAME] [--data-dir DIR]

Captures the page at <url> as evidence for the project's source with that URL (the source is added
when there is none): every response goes into a web archive (WARC, ISO 28500), and the rendered
page is kept as a full-page picture (PNG), a PDF and its readable text, all stored by SHA-256 in
<project>.assets/. The page is loaded in a fresh headless Chromium (CHROMIUM_PATH, else a common
install path) whose only way out is a proxy that lets through the page's own requests.

Options:
      --also-wayback  Also ask the Internet Archive to save the page (Save Page Now); this tells a
                      third party which page you are checking. FACTCHECK_WAYBACK_ENDPOINT sets the
                      service's address (default https://web.archive.org).
      --author NAME   Recorded in the project history (default: your name in the settings,
                      else "factcheck capture")
      --data-dir DIR  Where the settings are (capture limits); default as for "serve"
  -h, --help          Show this help

Prints "captured <final-url>: <N> records, sha256 <hash of the WARC file>" last.
Exit codes: 0 captured (an HTTP error page such as a 404 is captured too), 1 could not be captured
(no connection, a limit reached, no Chromium, the project could not be saved), 2 usage error.`;

export async function captureCommand(argv: string[], io: CommandOutput, deps: CaptureDeps = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'also-wayback': { type: 'boolean' },
        author: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  if (parsed.values.help) {
    io.out(CAPTURE_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 2) return usage(io, 'capture needs a project file and a URL');
  const [projectFile, url] = parsed.positionals as [string, string];
  if (!/^https?:\/\//i.test(url.trim())) return usage(io, `"${url}" is not a web address (http:// or https://)`);

  const settings = new SettingsStore(parsed.values['data-dir'] ?? defaultDataDir());
  // Without a name anywhere the entry says which tool made it, never the OS account.
  const author = parsed.values.author?.trim() || (await settings.get()).userName || 'factcheck capture';
  try {
    const result = await captureIntoProjectFile(projectFile, url, {
      author,
      alsoWayback: !!parsed.values['also-wayback'],
      settings,
      version: appVersion(),
      deps,
    });
    const { capture } = result;
    if (result.addedSource) io.err(`Added the source "${result.source.title}".`);
    if (capture.httpStatus >= 400) io.err(`The server answered HTTP ${capture.httpStatus}; the error page is captured as it was.`);
    for (const warning of capture.warnings ?? []) io.err(`warning: ${warning}`);
    if (capture.wayback) io.err(`Internet Archive copy: ${capture.wayback.url}`);
    io.out(`captured ${capture.finalUrl}: ${capture.warc.records} records, sha256 ${capture.warc.sha256}`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.err(`factcheck capture: ${message}`);
    if (err instanceof WorkbenchError && err.code === 'invalid-arguments') return 2;
    return 1;
  }
}

function usage(io: CommandOutput, message: string): number {
  io.err(`factcheck capture: ${message}`);
  io.err('Run "factcheck capture --help" for usage.');
  return 2;
}
