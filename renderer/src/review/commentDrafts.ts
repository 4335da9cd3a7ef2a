/** The unsent comment of each claim, shared by the discussion box and the review buttons (a step can carry it). */
import { createStore, useStore } from '../store/createStore';

const drafts = createStore<Readonly<Record<string, string>>>({});

export function setCommentDraft(claimId: string, text: string): void {
  drafts.set((current) => {
    if ((current[claimId] ?? '') === text) return current;
    const next = { ...current };
    if (text) next[claimId] = text;
    else delete next[claimId];
    return next;
  });
}

export function commentDraft(claimId: string): string {
  return drafts.getSnapshot()[claimId] ?? '';
}

export function useCommentDraft(claimId: string): string {
  return useStore(drafts, (all) => all[claimId] ?? '');
}
