/**
 * The strace reader the network tests rely on, on lines as strace -f -yy prints them (taken from a
 * recorded PDF export before Chromium's networking was shut): DNS look-ups over connected UDP
 * sockets count, loopback does not, the IPv6 reachability probe alone is allowed.
 */
import { describe, expect, it } from 'vitest';
import { summarizeTrace } from './networkTrace';

const PROBE =
  '23579 connect(23<UDPv6:[350748]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>';
const DNS = [
  '23579 connect(24<UDP:[0.0.0.0:53141]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16 <unfinished ...>',
  '23579 sendto(24<UDP:[0.0.0.0:53141]>, "Ft\\1\\0\\0\\1\\0\\0\\0\\0\\0\\0\\10clients2\\6google\\3com"..., 37, 0, NULL, 0 <unfinished ...>',
];

describe('summarizeTrace', () => {
  it('allows the IPv6 reachability probe (a UDP connect with nothing sent) and nothing else', () => {
    const summary = summarizeTrace(PROBE);
    expect(summary.outside).toEqual([]);
    expect(summary.probes).toEqual(['[2001:4860:4860::8888]:443']);
  });

  it('counts a DNS query sent on a connected UDP socket', () => {
    expect(summarizeTrace(DNS.join('\n')).outside).toEqual(['udp 10.255.255.53:53']);
  });

  it('counts data sent to the probe address, and a UDP connect elsewhere even without data', () => {
    const sent = [PROBE, '23579 sendmsg(23<UDPv6:[[fd00::2]:34547->[2001:4860:4860::8888]:443]>, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="x", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 1'];
    expect(summarizeTrace(sent.join('\n')).outside).toEqual(['udp [2001:4860:4860::8888]:443']);
    expect(summarizeTrace(DNS[0]!).outside).toEqual(['udp-connect 10.255.255.53:53']);
  });

  it('counts every TCP connect outside loopback, failed ones too, and keeps loopback apart', () => {
    const log = [
      '812 connect(31<TCP:[4412]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.74.78")}, 16) = -1 EINPROGRESS (Operation now in progress)',
      '812 connect(32<TCPv6:[4413]>, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450:4001::200e", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)',
      '812 connect(33<TCP:[4414]>, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
      '812 connect(34<UNIX-STREAM:[4415]>, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = -1 ENOENT',
    ];
    const summary = summarizeTrace(log.join('\n'));
    expect(summary.outside.sort()).toEqual(['tcp 142.250.74.78:443', 'tcp [2a00:1450:4001::200e]:80']);
    expect(summary.loopback).toEqual(['127.0.0.1:8080']);
  });

  it('counts datagrams sent with an explicit address, and not those to loopback', () => {
    const log = [
      '77 sendto(9<UDP:[5511]>, "\\x"..., 12, 0, {sa_family=AF_INET, sin_port=htons(5353), sin_addr=inet_addr("224.0.0.251")}, 16) = 12',
      '77 sendmmsg(10<UDP:[5512]>, [{msg_hdr={msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, msg_namelen=16}}], 1, 0) = 1',
    ];
    expect(summarizeTrace(log.join('\n')).outside).toEqual(['udp 224.0.0.251:5353']);
  });
});
