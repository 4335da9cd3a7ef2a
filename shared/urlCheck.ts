/**
 * The one check every link passes before the workbench opens it in the system browser: only plain
 * http(s) URLs with a host, no credentials, nothing the URL parser would silently "repair".
 */
export type UrlCheckResult = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 8192;

export function checkExternalUrl(url: string): UrlCheckResult {
  if (typeof url !== 'string') return { ok: false, reason: 'The link is not text.' };
  const candidate = url.trim();
  if (candidate === '') return { ok: false, reason: 'The link is empty.' };
  if (candidate.length > MAX_URL_LENGTH) return { ok: false, reason: 'The link is too long.' };
  // The URL parser drops tabs and newlines and trims control characters ("java\tscript:" becomes
  // "javascript:"), so any of them inside a link is a reason to refuse it rather than to clean it.
  if (/[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff]/.test(candidate)) {
    return { ok: false, reason: 'The link contains spaces or invisible characters.' };
  }
  if (!/^https?:\/\//i.test(candidate)) {
    return { ok: false, reason: 'Only web links (http:// or https://) can be opened.' };
  }
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { ok: false, reason: 'The link is not a valid web address.' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, reason: 'Only web links (http:// or https://) can be opened.' };
  }
  if (!parsed.hostname) return { ok: false, reason: 'The link has no host name.' };
  if (parsed.username || parsed.password) {
    return { ok: false, reason: 'The link contains a user name or password.' };
  }
  return { ok: true, url: parsed.href };
}
