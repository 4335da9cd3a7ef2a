/** Reads a WARC back with warcio, as a third party would, and checks each payload digest. */
import { createHash } from 'node:crypto';
import { WARCParser } from 'warcio';

export interface ReadRecord {
  type: string;
  uri: string | undefined;
  status: number | undefined;
  statusLine: string | undefined;
  headers: Record<string, string>;
  /** WARC headers, names in lower case. */
  warcHeaders: Record<string, string>;
  payload: Uint8Array;
  /** WARC-Payload-Digest as written, and the SHA-256 of the payload as read. */
  payloadDigest: string | undefined;
  computedDigest: string;
}

export async function readWarc(bytes: Uint8Array): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  const parser = new WARCParser([bytes]);
  for await (const record of parser) {
    const payload = await record.readFully(false);
    const headers: Record<string, string> = {};
    if (record.httpHeaders) for (const [name, value] of record.httpHeaders.headers as unknown as Iterable<[string, string]>) headers[name.toLowerCase()] = value;
    const warcHeaders: Record<string, string> = {};
    for (const [name, value] of record.warcHeaders.headers as unknown as Iterable<[string, string]>) warcHeaders[name.toLowerCase()] = value;
    const statusLine = record.httpHeaders?.statusline;
    records.push({
      type: record.warcType ?? '',
      uri: record.warcTargetURI ?? undefined,
      status: record.warcType === 'response' && statusLine ? Number(statusLine.split(' ')[1]) : undefined,
      statusLine,
      headers,
      warcHeaders,
      payload,
      payloadDigest: record.warcPayloadDigest ?? undefined,
      computedDigest: `sha256:${createHash('sha256').update(payload).digest('hex')}`,
    });
  }
  return records;
}

export function responseFor(records: ReadRecord[], url: string): ReadRecord | undefined {
  return records.find((r) => r.type === 'response' && r.uri === url);
}
