/**
 * The browser-mode data dir (settings, recent projects, projects/): --data-dir, else $FACTCHECK_HOME,
 * else $XDG_DATA_HOME/factcheck-workbench, else ~/.local/share/factcheck-workbench.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const DATA_DIR_NAME = 'factcheck-workbench';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (env.FACTCHECK_HOME) return resolve(env.FACTCHECK_HOME);
  if (env.XDG_DATA_HOME) return resolve(env.XDG_DATA_HOME, DATA_DIR_NAME);
  return join(home, '.local', 'share', DATA_DIR_NAME);
}
