/**
 * Who a process is, beyond its pid (pids are reused after a crash or a reboot): when it started,
 * and which boot of the computer it belongs to. Read from /proc on Linux and from `ps` on macOS and
 * the BSDs; undefined where neither is available (the lock then falls back to the pid alone).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** An identifier of this boot of the computer (Linux: the kernel's boot_id), or undefined. */
export function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** When the process `pid` started, as an opaque string to compare (undefined when unknown or gone). */
export function processStartTime(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    try {
      // Field 22 of /proc/<pid>/stat (clock ticks after boot); the name in field 2 may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[19] ? `ticks:${fields[19]}` : undefined;
    } catch {
      return undefined;
    }
  }
  if (process.platform === 'darwin' || process.platform.endsWith('bsd')) {
    try {
      const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return started ? `lstart:${started}` : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
