/** Word-level F1 between two texts (bags of lower-cased letter/digit words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function wordF1(candidate: string, reference: string): number {
  const want = new Map<string, number>();
  const ref = words(reference);
  const got = words(candidate);
  for (const w of ref) want.set(w, (want.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of got) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      overlap++;
      want.set(w, n - 1);
    }
  }
  if (ref.length === 0 && got.length === 0) return 1;
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / ref.length;
  return (2 * precision * recall) / (precision + recall);
}
