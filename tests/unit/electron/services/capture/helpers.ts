/** Builders for the capture tests. */
import type { Capture } from '../../../../../shared/model';

export function makeCapture(id: string, overrides: Partial<Capture> = {}): Capture {
  return {
    id,
    requestedUrl: 'https://example.org/s1',
    finalUrl: 'https://example.org/s1',
    httpStatus: 200,
    contentType: 'text/html',
    capturedAt: '2026-11-28T10:14:09.120Z',
    tool: { name: 'Factcheck workbench', version: '0.1.0', browser: 'Chrome/131.0' },
    warc: { sha256: '3f9a'.padEnd(64, '0'), ext: 'warc', size: 2048, records: 7 },
    screenshot: { sha256: 'b'.repeat(64), ext: 'png', size: 100 },
    ...overrides,
  };
}
