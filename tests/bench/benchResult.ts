/**
 * One result line of a bench, read by `npm run bench` (scripts/benchSummary.js) into its closing table.
 * The bench's own output stays as it is; these lines are added to it.
 */
export interface BenchResult {
  measure: string;
  /** The figure, with its unit (and the ratio to the baseline where there is one). */
  result: string;
  goal: string;
  /** null for a figure shown beside the goals (a baseline, a former path). */
  met: boolean | null;
}

export function reportResult(result: BenchResult): void {
  console.log(`bench-result ${JSON.stringify(result)}`);
}
