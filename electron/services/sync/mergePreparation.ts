/**
 * After a project that has merged before is opened, its merge replay is built in the background,
 * a slice per turn of the event loop, so the first merge resumes instead of replaying everything
 * and no call waits more than one slice for it.
 */
import type { Project } from '../../../shared/operations';
import { prepareMergeReplay } from '../../../shared/sync/merge';

export interface MergePreparation {
  /** Settles true when the replay was kept, false when there was none to build or it was stopped. */
  done: Promise<boolean>;
  stop(): void;
}

/** Starts preparing `project`'s replay; `stillOpen` ends it early when the project is closed or switched. */
export function prepareMergeInBackground(project: Project, stillOpen: () => boolean, slice = 64): MergePreparation {
  const steps = prepareMergeReplay(project, { slice });
  let stopped = false;
  const done = new Promise<boolean>((resolve) => {
    const turn = () => {
      if (stopped || !stillOpen()) return resolve(false);
      try {
        const next = steps.next();
        if (next.done) return resolve(next.value);
      } catch {
        // A history that cannot be replayed is left to the merge, which reports it.
        return resolve(false);
      }
      setImmediate(turn);
    };
    setImmediate(turn);
  });
  return { done, stop: () => (stopped = true) };
}
