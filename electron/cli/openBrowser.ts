/** Opens a URL in the system browser, best effort: failures are reported, never fatal. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string, onFailure: (reason: string) => void): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    onFailure('no display');
    return;
  }
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', (err) => onFailure(err.message));
    child.unref();
  } catch (err) {
    onFailure(err instanceof Error ? err.message : String(err));
  }
}
