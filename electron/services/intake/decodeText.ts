/**
 * Turns a file's bytes into text, or says it is not a text file. UTF-8 (with or without BOM) is
 * expected; a file that is not valid UTF-8 but has no control bytes is read as Windows-1252 (old
 * Windows text files); a file with NUL bytes, or too many undecodable or control bytes, is refused.
 */

export type DecodeResult = { ok: true; text: string } | { ok: false };

/** More than this share of bad characters means "not a text file". */
const MAX_BAD_SHARE = 0.01;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    // Not valid UTF-8: see below.
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const replaced = countMatches(lenient, /\uFFFD/g);
  if (replaced <= lenient.length * MAX_BAD_SHARE) return { ok: true, text: stripBom(lenient) };

  let controls = 0;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) controls++;
  }
  if (controls > bytes.length * MAX_BAD_SHARE) return { ok: false };
  try {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };
  } catch {
    return { ok: false };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
