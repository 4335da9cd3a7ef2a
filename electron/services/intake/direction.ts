/** Text direction from the letters themselves: right to left when strong RTL letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…) outnumber strong LTR letters. */

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0900-\u0DFF\u0E00-\u0FFF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/gu;

/** Looks at up to the first `sample` characters. */
export function detectDirection(text: string, sample = 20000): 'ltr' | 'rtl' {
  const head = text.length > sample ? text.slice(0, sample) : text;
  const rtl = head.match(RTL)?.length ?? 0;
  const ltr = head.match(LTR)?.length ?? 0;
  return rtl > ltr ? 'rtl' : 'ltr';
}

/** 'rtl' / 'ltr' from an HTML dir attribute value, else undefined ('auto' and junk are undefined). */
export function parseDirAttribute(value: string | null | undefined): 'ltr' | 'rtl' | undefined {
  const v = value?.trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' ? v : undefined;
}
