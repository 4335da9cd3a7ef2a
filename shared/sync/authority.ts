/**
 * Who may do what on a shared project, decided entry by entry at that entry's point of the merged
 * history (so a role given or taken away later does not rewrite the past).
 *   - A project without members was never shared: every entry counts (Settings' role applies
 *     locally), and the first member operation must make its signer the owner.
 *   - Once it has members, every entry must be signed by one of them.
 *   - Review steps that only an editor may take (Approve, Request changes) need an editor or an
 *     owner; a named step must start from a state it allows.
 *   - The member list changes only by an owner's or an editor's entry; an editor may not name an
 *     owner or change an owner; an owner may change any role, their own included.
 */
import type { Member, MemberRole } from '../model';
import { leavesOf, stateChangeOf, type HistoryEntry, type LeafOperation, type Project } from '../operations';
import { REVIEW_STEPS } from '../workflow/steps';

export function memberWithKey(project: Pick<Project, 'members'>, keyId: string | undefined): Member | undefined {
  return keyId === undefined ? undefined : project.members?.find((m) => m.keyId === keyId);
}

export function isShared(project: Pick<Project, 'members'>): boolean {
  return (project.members?.length ?? 0) > 0;
}

const MAY_REVIEW: readonly MemberRole[] = ['owner', 'editor'];
const MAY_CHANGE_MEMBERS: readonly MemberRole[] = ['owner', 'editor'];

function reviewRefusal(project: Project, leaf: LeafOperation, signer: Member): string | null {
  const change = stateChangeOf(leaf);
  if (!change) return null;
  const claimId = (leaf as { claimId?: string }).claimId;
  const claim = claimId === undefined ? undefined : project.claims.find((c) => c.id === claimId);
  if (!claim || claim.state === change.to) return null;
  const action = change.action ?? (change.to === 'approved' ? 'approve' : change.to === 'changesRequested' ? 'requestChanges' : undefined);
  if (!action) return null;
  const step = REVIEW_STEPS[action];
  if (step.editorOnly && !MAY_REVIEW.includes(signer.role)) {
    return `${step.label} needs an editor or owner, and ${signer.name} is a ${signer.role} of this project`;
  }
  if (change.action && !step.from.includes(claim.state)) return `${step.label} is not possible on a claim in state “${claim.state}”`;
  return null;
}

function memberRefusal(project: Project, leaf: LeafOperation, signer: Member): string | null {
  if (leaf.type !== 'setMember' && leaf.type !== 'removeMember') return null;
  if (!MAY_CHANGE_MEMBERS.includes(signer.role)) return `only an owner or editor may change the members, and ${signer.name} is a ${signer.role}`;
  if (signer.role === 'owner') return null;
  const targetKey = leaf.type === 'setMember' ? leaf.member.keyId : leaf.keyId;
  if (memberWithKey(project, targetKey)?.role === 'owner') return `only an owner may change an owner's membership`;
  if (leaf.type === 'setMember' && leaf.member.role === 'owner') return 'only an owner may make someone an owner';
  return null;
}

/**
 * Why `entry` may not be applied to `project` (the merged state right before it), or null when its
 * signer may make it. The signature itself is checked when the entry is received (see `unverified`).
 */
export function authorityRefusal(project: Project, entry: HistoryEntry): string | null {
  let state = project;
  let signer = memberWithKey(state, entry.keyId);
  for (const leaf of leavesOf(entry.op)) {
    if (!isShared(state)) {
      if (leaf.type === 'removeMember') return 'the project has no members to remove';
      if (leaf.type !== 'setMember') continue;
      // The first member of a project: whoever shares it first becomes its owner.
      if (entry.keyId === undefined || leaf.member.keyId !== entry.keyId || leaf.member.role !== 'owner') {
        return 'the first member of a project must be its owner, added by themself';
      }
      signer = leaf.member;
      state = { ...state, members: [leaf.member] };
      continue;
    }
    if (entry.keyId === undefined) return 'an unsigned entry in a shared project (made by a copy without team sync)';
    if (!signer) return `signed by ${entry.author || 'someone'} (key ${entry.keyId}), who is not a member of this project`;
    const refusal = reviewRefusal(state, leaf, signer) ?? memberRefusal(state, leaf, signer);
    if (refusal) return refusal;
  }
  return null;
}
