/**
 * The app's content security policy, read directive by directive (not compared with itself): only
 * our own files, no 'unsafe-*' anything, no remote or data source, nothing framed or posted. The
 * page's own <meta> policy says the same. Its effect in Chromium is in tests/e2e/csp.spec.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../../electron/services/staticSite';
import { REPO } from '../../testPaths';
import { EXPECTED_APP_POLICY as EXPECTED, parsePolicy, wideningSources as unsafeSources } from '../../../support/csp';

describe('the content security policy', () => {
  const policy = parsePolicy(CONTENT_SECURITY_POLICY);

  it('has exactly the expected directives, each with exactly its sources', () => {
    expect(Object.fromEntries(policy)).toEqual(EXPECTED);
  });

  it("allows no 'unsafe-*', no nonce, hash or scheme, and no remote host in any directive", () => {
    for (const [name, sources] of policy) expect(unsafeSources(sources), name).toEqual([]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|wss?:|data:|blob:|\*/i);
  });

  it('the checks above catch a widened policy', () => {
    const widened = parsePolicy(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src * 'unsafe-eval' 'unsafe-inline'"));
    expect(Object.fromEntries(widened)).not.toEqual(EXPECTED);
    expect(unsafeSources(widened.get('script-src')!)).toEqual(['*', "'unsafe-eval'", "'unsafe-inline'"]);
    expect(unsafeSources(["'self'", 'https://cdn.example'])).toEqual(['https://cdn.example']);
  });

  it('is sent with every response, with the other security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' });
  });

  it("the page's <meta> policy is the same policy", () => {
    const html = readFileSync(path.join(REPO, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(Object.fromEntries(parsePolicy(meta!))).toEqual(EXPECTED);
  });
});
