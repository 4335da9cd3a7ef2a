/**
 * The `factcheck` command (bin/factcheck.js runs this through tsx):
 *   factcheck serve [project] [--port N] [--data-dir DIR] [--no-open]
 *   factcheck validate <file>
 *   factcheck extract <file> [--json]
 *   factcheck capture <project> <url> [--also-wayback]
 *   factcheck export-evidence <project> [-o DIR] [--approved-only]
 *   (and export, import-annotations: see USAGE)
 *   factcheck identity [--data-dir DIR] [--json]
 *   factcheck archive import <file> | checked-before "<claim text>" [--json] [--limit N]
 */
import { parseArgs } from 'node:util';
import { validateCommand, type CommandOutput } from './validateCommand';

export const USAGE = `Usage: factcheck <command> [options]

Commands:
  serve [project]      Run the workbench in your browser (browser mode) on 127.0.0.1.
      --port N         Port to listen on (default: a free port)
      --data-dir DIR   Settings, recent projects and projects/ folder
                       (default: $FACTCHECK_HOME, else $XDG_DATA_HOME/factcheck-workbench,
                       else ~/.local/share/factcheck-workbench)
      --no-open        Do not open a browser; just print the address
  validate <file>      Check a project file (*.factcheck.json); exit code 0 if valid, 1 if not.
                       What opening it would repair is listed as "repaired when opened: …".
  extract <file>       Print an article file's canonical text (.html, .pdf, .docx, .md, .txt);
      --json           print { metadata, blocks, text } as JSON instead
  export <project> --format html|pdf|md|csv|claimreview|w3c [-o file] [--approved-only]
                       Write a report or data export (stdout without -o; pdf needs -o).
  import-annotations <project> <file>
                       Add W3C Web Annotation or Hypothesis JSON annotations as claims.
  capture <project> <url> [--also-wayback]
                       Capture the page as evidence for the source with that URL (added when
                       missing): web archive (WARC), picture, PDF and text, stored by SHA-256.
                       Last line: "captured <final-url>: <N> records, sha256 <hash of the WARC>".
  export-evidence <project> [-o DIR] [--approved-only]
                       Write the evidence bundle: report, captures, attachments, manifest.json
                       and SHA256SUMS, so a third party can check every file.
  identity             Print your name and public key (others add you to a shared project with it);
                       creates your key pair on first use.
      --data-dir DIR   Data folder holding the key (default as for serve)
      --json           print { name, publicKey, keyId, deviceId } as JSON
  archive import <file> [--data-dir DIR]
                       Add published fact-checks (ClaimReview JSON-LD: one object, an array, an
                       @graph or a data feed) to your fact-check archive. Last line:
                       "imported N, skipped M, invalid K".
  checked-before "<claim text>" [--json] [--limit N] [--data-dir DIR]
                       Earlier fact-checks of a claim (your projects' verdicts and imported
                       fact-checks), best first; --json prints { "matches": [...] }.
  merge <project> <other-copy>
                       Merge the history of another copy of the project (mail, USB stick) and its
                       attachments. Last line: "merged: N new, M already present, K conflicts".
  sync <project> <folder-or-couchdb-url> [--passphrase-file F]
                       One round with a sync folder or a CouchDB server (http://user:pw@host:5984/db):
                       push, pull, merge; end-to-end encrypted with the project's sync passphrase
                       (or FACTCHECK_SYNC_PASSPHRASE). Last line: "pushed N, pulled M, conflicts K".
  members <project> [add <name> <public-key> --role editor|checker]
                       List a shared project's members, or add one (signed by you: owner or editor).

Options:
  -h, --help           Show this help (also: factcheck <command> --help)
`;

const io: CommandOutput = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

function usageError(message: string): number {
  io.err(`factcheck: ${message}`);
  io.err('Run "factcheck --help" for usage.');
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE.trimEnd());
    return command ? 0 : 2;
  }
  // Loaded on demand, so other commands do not pay for the exporters' start-up.
  if (command === 'export') {
    const { exportCommand } = await import('./exportCommand');
    return exportCommand(rest, io, (text) => process.stdout.write(text));
  }
  // Loaded on demand: the capture service starts a browser, the bundle reads every asset.
  if (command === 'capture') return (await import('./captureCommand')).captureCommand(rest, io);
  if (command === 'export-evidence') return (await import('./exportEvidenceCommand')).exportEvidenceCommand(rest, io);
  if (command === 'import-annotations') {
    const { importAnnotationsCommand } = await import('./importAnnotationsCommand');
    return importAnnotationsCommand(rest, io);
  }
  // Loaded on demand: the archive reads its index only when asked.
  if (command === 'archive') return (await import('./archiveCommand')).archiveCommand(rest, io);
  if (command === 'checked-before') return (await import('./archiveCommand')).checkedBeforeCommand(rest, io);
  if (command === 'identity') return (await import('./identityCommand')).identityCommand(rest, io);
  if (command === 'merge') return (await import('./teamCommands')).mergeCommand(rest, io);
  if (command === 'sync') return (await import('./teamCommands')).syncCommand(rest, io);
  if (command === 'members') return (await import('./teamCommands')).membersCommand(rest, io);
  if (command === 'validate') {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
    } catch (err) {
      return usageError((err as Error).message);
    }
    if (parsed.values.help) {
      io.out('Usage: factcheck validate <file>');
      return 0;
    }
    if (parsed.positionals.length !== 1) return usageError('validate needs exactly one file');
    return validateCommand(parsed.positionals[0]!, io);
  }
  // Loaded on demand: the intake libraries (jsdom, pdf.js, mammoth) are heavy to import.
  if (command === 'extract') return (await import('./extractCommand')).extractCommand(rest, io);
  if (command === 'serve') {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          port: { type: 'string' },
          'data-dir': { type: 'string' },
          'no-open': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
      });
    } catch (err) {
      return usageError((err as Error).message);
    }
    if (parsed.values.help) {
      io.out('Usage: factcheck serve [project] [--port N] [--data-dir DIR] [--no-open]');
      return 0;
    }
    if (parsed.positionals.length > 1) return usageError('serve takes at most one project file');
    let port: number | undefined;
    if (parsed.values.port !== undefined) {
      port = Number(parsed.values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`invalid port: ${parsed.values.port}`);
    }
    // Loaded on demand: the workbench and its article readers take seconds to load, which `validate` does not need.
    const { serveCommand } = await import('./serveCommand');
    return serveCommand(
      { project: parsed.positionals[0], port, dataDir: parsed.values['data-dir'], open: !parsed.values['no-open'] },
      io,
    );
  }
  return usageError(`unknown command: ${command}`);
}

/** Exits once stdout has been flushed (pipes are asynchronous on some platforms). */
function exitWith(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(
  (code) => exitWith(code),
  (err: unknown) => {
    io.err(`factcheck: ${err instanceof Error ? err.message : String(err)}`);
    exitWith(1);
  },
);
