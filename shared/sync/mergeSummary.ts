/** The one line that says what a merge did, in the command line and in the window alike. */
export function mergeSummary(counts: { added: number; present: number; conflicts: number }): string {
  return `merged: ${counts.added} new, ${counts.present} already present, ${counts.conflicts} conflicts`;
}
