/**
 * Reads an strace log (`-f -e trace=socket,connect,sendto,sendmsg,sendmmsg,close`) and lists what
 * left the machine: TCP connections and UDP datagrams to addresses other than loopback. A UDP
 * connect() alone sends nothing (Chromium probes its route to a public address that way), so it
 * only counts when data is then sent on that socket.
 */

export interface TraceSummary {
  /** "ip:port" of every loopback TCP connection. */
  loopback: string[];
  /** "proto ip:port" of everything that went elsewhere. */
  outside: string[];
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

function addressOf(text: string): { family: string; ip: string; port: number } | undefined {
  const family = /sa_family=(AF_\w+)/.exec(text)?.[1];
  if (!family) return undefined;
  if (family === 'AF_INET') {
    const port = /sin_port=htons\((\d+)\)/.exec(text)?.[1];
    const ip = /sin_addr=inet_addr\("([^"]+)"\)/.exec(text)?.[1];
    return ip ? { family, ip, port: Number(port) } : undefined;
  }
  if (family === 'AF_INET6') {
    const port = /sin6_port=htons\((\d+)\)/.exec(text)?.[1];
    const ip = /inet_pton\(AF_INET6, "([^"]+)"/.exec(text)?.[1];
    return ip ? { family, ip, port: Number(port) } : undefined;
  }
  return { family, ip: '', port: 0 };
}

export function summarizeTrace(log: string): TraceSummary {
  const loopback = new Set<string>();
  const outside = new Set<string>();
  // Per process: socket type of each descriptor, and where each UDP socket is connected.
  const types = new Map<string, string>();
  const udpPeers = new Map<string, string>();
  const pendingSocket = new Map<string, string>();

  for (const line of log.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, call] = match as unknown as [string, string, string];
    let m: RegExpExecArray | null;
    if ((m = /^socket\((AF_\w+), (SOCK_\w+)[^)]*?(?:\)\s*=\s*(\d+)| <unfinished)/.exec(call))) {
      if (m[3]) types.set(`${pid}:${m[3]}`, m[2]!);
      else pendingSocket.set(pid, m[2]!);
      continue;
    }
    if ((m = /^<\.\.\. socket resumed>.*=\s*(\d+)/.exec(call))) {
      const type = pendingSocket.get(pid);
      if (type) types.set(`${pid}:${m[1]}`, type);
      pendingSocket.delete(pid);
      continue;
    }
    if ((m = /^close\((\d+)/.exec(call))) {
      types.delete(`${pid}:${m[1]}`);
      udpPeers.delete(`${pid}:${m[1]}`);
      continue;
    }
    if ((m = /^connect\((\d+), (\{[^}]*\})/.exec(call))) {
      const address = addressOf(m[2]!);
      if (!address || (address.family !== 'AF_INET' && address.family !== 'AF_INET6')) continue;
      const key = `${pid}:${m[1]}`;
      const target = `${address.ip}:${address.port}`;
      if (types.get(key)?.startsWith('SOCK_DGRAM')) {
        udpPeers.set(key, target);
        continue;
      }
      if (LOOPBACK.test(address.ip)) loopback.add(target);
      else outside.add(`tcp ${target}`);
      continue;
    }
    if ((m = /^(sendto|sendmsg|sendmmsg)\((\d+), (.*)$/.exec(call))) {
      const key = `${pid}:${m[2]}`;
      const explicit = /(sa_family=AF_INET6?[^}]*)\}/.exec(m[3]!);
      const address = explicit ? addressOf(explicit[1]!) : undefined;
      if (address && !LOOPBACK.test(address.ip)) outside.add(`udp ${address.ip}:${address.port}`);
      const peer = udpPeers.get(key);
      if (!address && peer && !LOOPBACK.test(peer.replace(/:\d+$/, ''))) outside.add(`udp ${peer}`);
    }
  }
  return { loopback: [...loopback], outside: [...outside] };
}
