import { describe, expect, it } from 'vitest';
import { projectFiles } from '../../../../shared/sync/projectFiles';
import { sampleProject } from '../helpers';

const h = (c: string) => c.repeat(64);

describe('projectFiles', () => {
  it('lists every attachment and capture file once, whatever source names it', () => {
    const p = sampleProject();
    const capture = {
      id: 'k1', requestedUrl: 'https://x.example/', finalUrl: 'https://x.example/', httpStatus: 200, contentType: 'text/html',
      capturedAt: '2026-11-27T10:00:00.000Z', tool: { name: 't', version: '1', browser: 'b' },
      warc: { sha256: h('a'), ext: 'warc', size: 1, records: 1 }, screenshot: { sha256: h('b'), ext: 'png', size: 1 }, text: { sha256: h('c'), ext: 'txt', size: 1 },
    };
    const attachment = { sha256: h('d'), ext: 'pdf', name: 'x.pdf', size: 1, addedAt: '2026-11-27' };
    const sources = [
      { ...p.sources[0]!, attachments: [attachment], captures: [capture] },
      { ...p.sources[1]!, attachments: [attachment, { ...attachment, sha256: h('b'), ext: 'png' }] },
      p.sources[2]!,
    ];
    expect(projectFiles({ sources })).toEqual([
      { sha256: h('a'), ext: 'warc' },
      { sha256: h('b'), ext: 'png' },
      { sha256: h('c'), ext: 'txt' },
      { sha256: h('d'), ext: 'pdf' },
    ]);
    expect(projectFiles(p)).toEqual([]);
  });
});
