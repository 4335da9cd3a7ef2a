/**
 * Offsets in the workbench are UTF-16 code units (JavaScript string indices). The W3C Web
 * Annotation model counts code points; exports convert with these helpers — the one place that does.
 */
import type { ClaimTarget } from '../model';

/** The code-point offset of UTF-16 offset `index` in `text` (an index inside a surrogate pair counts the whole character before it). */
export function toCodePointOffset(text: string, index: number): number {
  let count = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    if (isHigh && i + 1 < text.length && i + 1 < index) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The UTF-16 offset of code-point offset `codePoint` in `text`. */
export function fromCodePointOffset(text: string, codePoint: number): number {
  let i = 0;
  for (let n = 0; n < codePoint && i < text.length; n++) {
    const code = text.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const next = text.charCodeAt(i + 1);
    i += isHigh && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return i;
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  return toCodePointOffset(text, text.length);
}

/** A claim's position selector in code points (the quote selector's strings need no conversion). */
export function toCodePointTarget(text: string, target: ClaimTarget): ClaimTarget {
  return {
    position: { start: toCodePointOffset(text, target.position.start), end: toCodePointOffset(text, target.position.end) },
    quote: target.quote,
  };
}
