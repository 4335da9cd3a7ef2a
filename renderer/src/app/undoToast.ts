/**
 * Removals that need no "are you sure?": deleting a claim or removing an article happens at once
 * and a toast offers "Undo". The toast undoes exactly that change: if other changes came after it,
 * it says so instead of undoing something else.
 */
import { undoTarget } from '../../../shared/history';
import type { Operation } from '../../../shared/operations';
import type { ProjectSession } from '../store/projectSession';

export function dispatchWithUndo(session: ProjectSession, op: Operation, message: string, afterUndo?: () => void): boolean {
  if (!session.dispatch(op)) return false;
  const seq = (session.getSnapshot().project?.history.length ?? 0) - 1;
  session.toasts.show(message, {
    label: 'Undo',
    run: () => {
      const target = undoTarget(session.getSnapshot().project?.history ?? []);
      if (!target || target.seq !== seq) {
        session.notify('Other changes were made after this one: undo them first, or use History.');
        return;
      }
      if (session.undo()) afterUndo?.();
    },
  });
  return true;
}
