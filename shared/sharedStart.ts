/**
 * How many items two lists share at their start, compared by identity. Lists of immutable items
 * that grow by appending (a history, a project's claims) say this way where the newer one
 * continues the older, so what was worked out for the older is kept and only the rest is read.
 */
export function sharedStart<T>(a: readonly T[], b: readonly T[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
