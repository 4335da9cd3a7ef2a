/** A small verdict label in its level's colour ("No verdict" in grey). */
import type { RatingLevel } from '../../../shared/model';

export function VerdictChip({ level }: { level: RatingLevel | undefined }) {
  if (!level) return <span className="verdict-chip verdict-chip-none">No verdict</span>;
  return (
    <span className="verdict-chip" style={{ ['--level-color' as string]: level.color }}>
      <span className="verdict-dot" aria-hidden="true" />
      {level.label}
    </span>
  );
}
