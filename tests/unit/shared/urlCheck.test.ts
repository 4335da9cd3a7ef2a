import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../shared/urlCheck';

describe('checkExternalUrl', () => {
  it.each([
    ['https://www.aljazeera.com/news/2025/11/11/petro', 'https://www.aljazeera.com/news/2025/11/11/petro'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.ORG/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
    ['http://127.0.0.1:8080/page', 'http://127.0.0.1:8080/page'],
  ])('accepts %s', (input, normalized) => {
    expect(checkExternalUrl(input)).toEqual({ ok: true, url: normalized });
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    '//evil.example.com/x',
    '/relative/path',
    'evil.example.com',
    'http://user:pass@host.example/',
    'https://user@host.example/',
    'http://',
    'http://:80/',
    'https://',
    'ftp://example.org/file',
    'mailto:someone@example.org',
    'https://exa mple.org/',
    'https://example.org/\u202eexe.txt',
    '',
    '   ',
  ])('rejects %j', (input) => {
    const result = checkExternalUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\S/);
  });

  it('explains why', () => {
    expect(checkExternalUrl('javascript:alert(1)')).toEqual({ ok: false, reason: 'Only web links (http:// or https://) can be opened.' });
    expect(checkExternalUrl('http://user:pass@host')).toEqual({ ok: false, reason: 'The link contains a user name or password.' });
    expect(checkExternalUrl('java\tscript:x')).toEqual({ ok: false, reason: 'The link contains spaces or invisible characters.' });
  });
});
