/**
 * The first claim panel a window draws takes two to three times as long as the ones after it: its code runs
 * for the first time (V8 compiles each function at its first call) and the project's review records are
 * worked out. So, once per window, when it is idle while no claim is selected, the panel of one claim is
 * drawn into an element outside the page and removed again at once: nothing of it is seen, read by a
 * screen reader or sent (the lookups it starts wait for a debounce and are cancelled by the removal).
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { whenIdle } from '../platform/whenIdle';
import { ClaimPanel } from './ClaimPanel';

/** At the latest this long after the window shows a project without a selected claim. */
export const WARM_UP_WITHIN_MS = 2000;
let warmedUp = false;
const noop = () => undefined;

export function ClaimPanelWarmUp({ project, claim }: { project: Project; claim: Claim | undefined }) {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>(() => (warmedUp ? 'done' : 'waiting'));
  const ready = claim !== undefined;
  useEffect(() => {
    if (phase === 'waiting' && ready) return whenIdle(() => setPhase('drawing'), WARM_UP_WITHIN_MS);
    if (phase === 'drawing') {
      warmedUp = true;
      setPhase('done');
    }
    return undefined;
  }, [phase, ready]);
  if (phase !== 'drawing' || !claim) return null;
  return createPortal(<ClaimPanel project={project} claim={claim} focusStatement={false} onStatementFocused={noop} />, document.createElement('div'));
}
