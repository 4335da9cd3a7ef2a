/**
 * `factcheck serve [project] [--port N] [--data-dir DIR] [--no-open]`: browser mode. Builds the
 * renderer if needed, creates the workbench over the data dir, opens the given project (or, on first
 * start, the sample project), serves it on 127.0.0.1 and prints the `Workbench: …` address.
 * SIGINT/SIGTERM/SIGHUP close the host and flush the open project (releasing its lock) before exiting.
 */
import { resolve } from 'node:path';
import { projectToOpenAtStart } from '../services/startupProject';
import { createWorkbench } from '../services/workbench';
import { appVersion, RENDERER_OUT_DIR, RESOURCES_DIR } from './appPaths';
import { startBrowserHost } from './browserHost';
import { defaultDataDir } from './dataDir';
import { openInBrowser } from './openBrowser';
import { ensureRendererBuilt } from './rendererBuild';
import type { CommandOutput } from './validateCommand';

export interface ServeOptions {
  project?: string;
  port?: number;
  dataDir?: string;
  open: boolean;
}

/** Resolves with the exit code once the server has been stopped by a signal. */
export async function serveCommand(options: ServeOptions, io: CommandOutput): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  await ensureRendererBuilt(io.err);

  const workbench = createWorkbench({ dataDir, mode: 'browser', version: appVersion(), resourcesDir: RESOURCES_DIR });
  // The person's key pair is made at start, so the first change is already signed.
  await workbench.prepareIdentity();

  const toOpen = options.project ? resolve(options.project) : await projectToOpenAtStart(workbench, dataDir, RESOURCES_DIR);
  if (toOpen) {
    try {
      await workbench.openProject({ path: toOpen });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (options.project) {
        io.err(`Could not open ${options.project}: ${message}`);
        await workbench.dispose();
        return 1;
      }
      io.err(`Could not reopen ${toOpen}: ${message}`);
    }
  }

  let host;
  try {
    host = await startBrowserHost({ api: workbench, port: options.port, staticDir: RENDERER_OUT_DIR });
  } catch (err) {
    io.err(`Could not start the server: ${err instanceof Error ? err.message : String(err)}`);
    await workbench.dispose();
    return 1;
  }
  io.out(`Workbench: ${host.url}`);
  io.out(`Data folder: ${dataDir}`);
  io.out('Press Ctrl+C to stop.');
  if (options.open) openInBrowser(host.url, (reason) => io.err(`(Could not open a browser: ${reason}; open the address above.)`));

  const running = host;
  return new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      io.err(`${signal}: saving and stopping…`);
      Promise.allSettled([running.close()])
        .then(() => workbench.dispose())
        .then(
          () => resolveExit(0),
          (err: unknown) => {
            io.err(`Could not finish saving: ${err instanceof Error ? err.message : String(err)}`);
            resolveExit(1);
          },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // The terminal it runs in was closed.
    process.on('SIGHUP', stop);
  });
}
