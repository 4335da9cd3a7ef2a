/**
 * The keys that move through a windowed list or table, and where each leads: ArrowDown / ArrowUp one
 * row, PageDown / PageUp a screenful, Home / End the first and last row. Null for any other key.
 */
export function indexAfterKey(key: string, current: number, count: number, page: number): number | null {
  if (count <= 0) return null;
  const from = current < 0 || current >= count ? -1 : current;
  const step = Math.max(1, page);
  let next: number;
  switch (key) {
    case 'ArrowDown':
      next = from + 1;
      break;
    case 'ArrowUp':
      next = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      next = from < 0 ? 0 : from + step;
      break;
    case 'PageUp':
      next = from < 0 ? 0 : from - step;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    default:
      return null;
  }
  return Math.max(0, Math.min(count - 1, next));
}
