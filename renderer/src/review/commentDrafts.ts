/** The unsent comment of each claim, shared by the discussion box and the review buttons (a step can carry it). */
import { useSyncExternalStore } from 'react';

const drafts = new Map<string, string>();
const listeners = new Set<() => void>();

export function setCommentDraft(claimId: string, text: string): void {
  if (text) drafts.set(claimId, text);
  else drafts.delete(claimId);
  for (const listener of listeners) listener();
}

export function commentDraft(claimId: string): string {
  return drafts.get(claimId) ?? '';
}

export function useCommentDraft(claimId: string): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => commentDraft(claimId),
  );
}
