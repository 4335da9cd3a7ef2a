/**
 * Writes recorded exchanges as a WARC file (ISO 28500, WARC/1.1) with warcio, Webrecorder's
 * library: a warcinfo record, then a response and a request record per exchange. Bodies are the
 * decoded bytes the page got, so the recorded headers drop Content-Encoding and Transfer-Encoding
 * and carry the body's own Content-Length; warcio computes the block and payload digests (SHA-256).
 */
import { STATUS_CODES } from 'node:http';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { HeaderList, RecordedExchange } from './pageRecorder';

export interface WarcInfo {
  /** Name and version of what made the file, e.g. "Factcheck workbench 0.1.0 (Chrome/131…)". */
  software: string;
  /** A file name to record in the warcinfo record. */
  filename: string;
  description?: string;
}

export interface WarcFile {
  bytes: Uint8Array;
  /** Every record in the file, warcinfo included. */
  records: number;
}

const WARC_VERSION = 'WARC/1.1';

/** Response headers as recorded with a decoded body. */
export function recordedResponseHeaders(headers: HeaderList, bodyLength: number): HeaderList {
  // HTTP/2 pseudo-headers (":status") have no place in an HTTP/1.1 message.
  const out: HeaderList = headers.filter(([name]) => !name.startsWith(':') && !/^(content-encoding|transfer-encoding|content-length)$/i.test(name));
  out.push(['Content-Length', String(bodyLength)]);
  return out;
}

function statusLine(status: number, statusText: string): string {
  return `HTTP/1.1 ${status} ${statusText || STATUS_CODES[status] || ''}`.trimEnd();
}

function requestLine(method: string, url: string): string {
  let target = url;
  try {
    const parsed = new URL(url);
    target = `${parsed.pathname || '/'}${parsed.search}`;
  } catch {
    // Keep the URL as it was.
  }
  return `${method} ${target} HTTP/1.1`;
}

function requestHeaders(exchange: RecordedExchange): HeaderList {
  const headers = exchange.requestHeaders.filter(([name]) => !name.startsWith(':'));
  if (!headers.some(([name]) => name.toLowerCase() === 'host')) {
    try {
      headers.unshift(['Host', new URL(exchange.url).host]);
    } catch {
      // No host to add.
    }
  }
  return headers;
}

async function* once(bytes: Uint8Array | undefined): AsyncGenerator<Uint8Array> {
  if (bytes && bytes.byteLength > 0) yield bytes;
}

export async function buildWarc(exchanges: readonly RecordedExchange[], info: WarcInfo): Promise<WarcFile> {
  const parts: Uint8Array[] = [];
  const warcinfo = WARCRecord.createWARCInfo(
    { filename: info.filename, warcVersion: WARC_VERSION, type: 'warcinfo' },
    {
      software: info.software,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      ...(info.description ? { description: info.description } : {}),
    },
  );
  parts.push(await WARCSerializer.serialize(warcinfo));
  let records = 1;

  for (const exchange of exchanges) {
    const responseWarcHeaders: Record<string, string> = {};
    if (exchange.remoteIp) responseWarcHeaders['WARC-IP-Address'] = exchange.remoteIp.replace(/^\[|\]$/g, '');
    const response = WARCRecord.create(
      {
        url: exchange.url,
        date: exchange.respondedAt.toISOString(),
        type: 'response',
        warcVersion: WARC_VERSION,
        statusline: statusLine(exchange.status, exchange.statusText),
        httpHeaders: recordedResponseHeaders(exchange.responseHeaders, exchange.body.byteLength) as unknown as Record<string, string>,
        warcHeaders: responseWarcHeaders,
      },
      once(exchange.body),
    );
    parts.push(await WARCSerializer.serialize(response));
    const responseId = response.warcHeaders.headers.get('WARC-Record-ID');

    const request = WARCRecord.create(
      {
        url: exchange.url,
        date: exchange.requestedAt.toISOString(),
        type: 'request',
        warcVersion: WARC_VERSION,
        statusline: requestLine(exchange.method, exchange.url),
        httpHeaders: requestHeaders(exchange) as unknown as Record<string, string>,
        warcHeaders: responseId ? { 'WARC-Concurrent-To': responseId } : {},
      },
      once(exchange.requestBody),
    );
    parts.push(await WARCSerializer.serialize(request));
    records += 2;
  }

  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { bytes, records };
}
