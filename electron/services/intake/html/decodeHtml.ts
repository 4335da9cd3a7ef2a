/**
 * HTML bytes → text: a BOM wins, then a charset declared in the first 2 KB (<meta charset> or
 * http-equiv Content-Type), then UTF-8 with the Windows-1252 fallback of decodeText. Bytes that are
 * not text at all (NUL bytes, control characters: binary junk renamed .html) are refused.
 */
import { decodeText } from '../decodeText';

export function decodeHtml(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) {
    // UTF-16 pages have NUL bytes; they announce themselves with a BOM.
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return null;
  }
  // Valid UTF-8 with multi-byte sequences is almost never an accident of another encoding; saved
  // pages are often re-encoded as UTF-8 while keeping their old charset declaration.
  const utf8 = multiByteUtf8(bytes);
  if (utf8 !== null) return stripBom(utf8);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^utf-?8$/.test(declared)) {
    try {
      const decoder = new TextDecoder(declared);
      const decoded = decodeText(bytes);
      if (!decoded.ok) return null;
      return decoder.decode(bytes);
    } catch {
      // Unknown label: fall through to UTF-8.
    }
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.text : null;
}

/** The text, when the bytes are valid UTF-8 with at least one multi-byte sequence; else null. */
function multiByteUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return /[^\x00-\x7f]/.test(text) ? text : null;
  } catch {
    return null;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
