/**
 * Recording what a command sends over the network: it runs under
 * `strace -f -yy -e trace=connect,sendto,sendmsg,sendmmsg` (every thread and child process; -yy
 * names each descriptor's protocol and, once connected, its peer) and the log is read back.
 *
 * What counts as leaving the machine: a TCP connect() (attempted, even if it failed) to an address
 * outside loopback, and a UDP datagram sent to one. A UDP connect() alone sends nothing; Chromium's
 * IPv6 reachability probe does exactly that to a public resolver's address, so that one connect is
 * allowed and any other UDP connect() outside loopback still counts.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from '../../support/runProcess';

/** The only connect() outside loopback allowed without a send: Chromium's IPv6 reachability probe. */
export const ALLOWED_UDP_PROBES: readonly string[] = ['2001:4860:4860::8888'];

export interface TraceSummary {
  /** "tcp ip:port" / "udp ip:port" / "udp-connect ip:port" of everything that went (or tried to go) outside loopback. */
  outside: string[];
  /** "ip:port" of TCP connections to loopback. */
  loopback: string[];
  /** "ip:port" of allowed UDP probes (connected, nothing sent). */
  probes: string[];
  /** How many connect/send calls on IP sockets were read. */
  ipCalls: number;
  /** How many connect/send calls of any kind (local sockets included) were read: the trace saw the processes. */
  calls: number;
}

interface Address {
  ip: string;
  port: number;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.|0:0:0:0:0:0:0:1$)/;

export function isLoopback(ip: string): boolean {
  return LOOPBACK.test(ip);
}

/** The first IPv4/IPv6 socket address in an strace argument text. */
function socketAddress(text: string): Address | undefined {
  const family = /sa_family=(AF_INET6?)\b/.exec(text)?.[1];
  if (family === 'AF_INET') {
    const ip = /sin_addr=inet_addr\("([^"]+)"\)/.exec(text)?.[1];
    const port = /sin_port=htons\((\d+)\)/.exec(text)?.[1];
    return ip ? { ip, port: Number(port ?? 0) } : undefined;
  }
  if (family === 'AF_INET6') {
    const ip = /inet_pton\(AF_INET6, "([^"]+)"/.exec(text)?.[1];
    const port = /sin6_port=htons\((\d+)\)/.exec(text)?.[1];
    return ip ? { ip, port: Number(port ?? 0) } : undefined;
  }
  return undefined;
}

/** The protocol -yy printed for a descriptor: TCP, UDP, UNIX, NETLINK, … (v6 folded in), or '' when unknown. */
function protocolOf(annotation: string): string {
  const m = /^(TCP|UDP|UDPLITE|SCTP|RAW|UNIX|NETLINK|PACKET)/i.exec(annotation);
  return m ? m[1]!.toUpperCase() : '';
}

/** The peer -yy printed for a connected socket ("…->[ip]:port]" or "…->ip:port]"). */
function peerOf(annotation: string): Address | undefined {
  const m = /->\[?([0-9a-fA-F:.]+?)\]?:(\d+)\]$/.exec(annotation);
  return m ? { ip: m[1]!, port: Number(m[2]) } : undefined;
}

const show = (a: Address) => (a.ip.includes(':') ? `[${a.ip}]:${a.port}` : `${a.ip}:${a.port}`);

export function summarizeTrace(log: string): TraceSummary {
  const outside = new Set<string>();
  const loopback = new Set<string>();
  const probes = new Set<string>();
  // Where each UDP descriptor was last connected: per thread, and per descriptor number as a fallback
  // (threads of one process share descriptors; strace prints thread ids).
  const udpPeerByThread = new Map<string, Address>();
  const udpPeerByFd = new Map<string, Address>();
  let ipCalls = 0;
  let calls = 0;

  for (const line of log.split('\n')) {
    const m = /^(\d+)\s+(connect|sendto|sendmsg|sendmmsg)\((\d+)<(.*?)>(?:, |\))(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, call, fd, annotation, rest] = m as unknown as [string, string, string, string, string, string];
    calls++;
    const protocol = protocolOf(annotation);
    if (protocol === 'UNIX' || protocol === 'NETLINK' || protocol === 'PACKET') continue;
    const address = socketAddress(rest);
    if (call === 'connect') {
      if (!address) continue;
      ipCalls++;
      if (protocol === 'UDP' || protocol === 'UDPLITE') {
        udpPeerByThread.set(`${pid}:${fd}`, address);
        udpPeerByFd.set(fd, address);
        if (isLoopback(address.ip)) continue;
        if (ALLOWED_UDP_PROBES.includes(address.ip)) probes.add(show(address));
        else outside.add(`udp-connect ${show(address)}`);
        continue;
      }
      // TCP, or a socket -yy could not name: any connect outside loopback leaves the machine.
      if (isLoopback(address.ip)) loopback.add(show(address));
      else outside.add(`${protocol === 'TCP' || protocol === '' ? 'tcp' : protocol.toLowerCase()} ${show(address)}`);
      continue;
    }
    // A send: to its explicit address, else to the socket's peer.
    if (address) {
      ipCalls++;
      if (!isLoopback(address.ip)) outside.add(`${protocol === 'TCP' ? 'tcp' : 'udp'} ${show(address)}`);
      continue;
    }
    if (protocol !== 'UDP' && protocol !== 'UDPLITE' && protocol !== '') continue; // TCP data follows a connect already counted
    const peer = peerOf(annotation) ?? udpPeerByThread.get(`${pid}:${fd}`) ?? udpPeerByFd.get(fd);
    if (!peer) continue;
    ipCalls++;
    if (!isLoopback(peer.ip)) {
      outside.add(`udp ${show(peer)}`);
      outside.delete(`udp-connect ${show(peer)}`);
      probes.delete(show(peer));
    }
  }
  return { outside: [...outside], loopback: [...loopback], probes: [...probes], ipCalls, calls };
}

/** Whether strace can trace here (installed, and ptrace allowed); the reason when not. */
export function straceProblem(): string | null {
  const probe = spawnSync('strace', ['-f', '-qq', '-yy', '-e', 'trace=connect', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
  if (probe.error) return `strace is not installed (${probe.error.message}); .ci/run installs it`;
  if (probe.status !== 0) return `strace cannot trace here (${(probe.stderr ?? '').trim() || `exit ${probe.status}`})`;
  return null;
}

/** Whether a process may enter a new network namespace without interfaces (`unshare -n`, as root); the reason when not. */
export function unshareProblem(): string | null {
  const probe = spawnSync('unshare', ['-n', 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  if (probe.status !== 0) return `unshare -n is not permitted here (${(probe.stderr ?? '').trim() || `exit ${probe.status}`}; it needs root)`;
  return null;
}

export interface TracedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  trace: TraceSummary;
}

/** Runs a command under strace and summarises what it sent. Asynchronous, so servers in this process keep answering. */
export async function runTraced(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<TracedRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-trace-'));
  const log = path.join(dir, 'trace.txt');
  try {
    const result = await runProcess('strace', ['-f', '-qq', '-yy', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-o', log, command, ...args], {
      cwd: options.cwd,
      env: options.env,
      timeoutMs: options.timeoutMs ?? 180_000,
    });
    return { ...result, trace: summarizeTrace(await fs.readFile(log, 'utf8').catch(() => '')) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
