/**
 * The member list of a shared project: who (name, public key, key id) has which role (owner,
 * editor, checker). Who may send these operations is decided by the merge core
 * (shared/sync/authority.ts), which checks the signer's role at that point of the merged history.
 */
import { z } from 'zod';
import { MemberSchema, type Member } from '../model';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { insertAt, removeAt, replaceAt } from './lists';
import type { Project } from './schema';

const keyId = z.string().min(1).max(64);

export const memberSchemas = [
  /** Adds a member, or changes the name or role of the member with the same key id (`index`: where, when undoing a removal). */
  z.object({ type: z.literal('setMember'), member: MemberSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('removeMember'), keyId }),
] as const;

function memberIndex(members: readonly Member[], id: string): number {
  return members.findIndex((m) => m.keyId === id);
}

function withMembers(project: Project, members: Member[]): Project {
  if (members.length > 0) return { ...project, members };
  // No members is no list, as in a project that was never shared (so undoing the first member restores it exactly).
  const { members: _none, ...rest } = project;
  return rest;
}

export const members = defineFamily('members', memberSchemas, {
  setMember: {
    apply(project, op) {
      const list = project.members ?? [];
      const at = memberIndex(list, op.member.keyId);
      return withMembers(project, at >= 0 ? replaceAt(list, at, op.member) : insertAt(list, op.member, op.index));
    },
    invert(project, op) {
      const list = project.members ?? [];
      const at = memberIndex(list, op.member.keyId);
      return at >= 0 ? { type: 'setMember', member: list[at] } : { type: 'removeMember', keyId: op.member.keyId };
    },
    describe: (op) => `Set member ${op.member.name} (${op.member.role})`,
    claimIds: () => [],
    locks: () => false,
  },

  removeMember: {
    apply(project, op) {
      const list = project.members ?? [];
      const at = memberIndex(list, op.keyId);
      if (at < 0) throw new OperationError(`No member with key id "${op.keyId}"`);
      return withMembers(project, removeAt(list, at));
    },
    invert(project, op) {
      const list = project.members ?? [];
      const at = memberIndex(list, op.keyId);
      if (at < 0) throw new OperationError(`No member with key id "${op.keyId}"`);
      return { type: 'setMember', member: list[at], index: at };
    },
    describe: () => 'Remove member',
    claimIds: () => [],
    locks: () => false,
  },
});
