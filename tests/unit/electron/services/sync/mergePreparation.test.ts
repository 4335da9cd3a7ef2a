/** The replay built in the background after opening makes the first merge resume, with the full replay's result. */
import { describe, expect, it } from 'vitest';
import { prepareMergeInBackground } from '../../../../../electron/services/sync/mergePreparation';
import { commitChange } from '../../../../../shared/history';
import type { HistoryEntry, Project } from '../../../../../shared/operations';
import { historyBase, mergeEntries, replayHistory } from '../../../../../shared/sync/merge';
import { HybridClock } from '../../../../../shared/sync/hlc';
import { sampleProject } from '../../../shared/helpers';

function mergedProject() {
  let time = Date.parse('2026-11-28T10:00:00Z');
  const clock = new HybridClock(() => (time += 1000));
  const meta = (id: string, key: string) => ({ id, at: new Date(time).toISOString(), author: `Person ${key}`, keyId: key, device: `dev-${key}`, hlc: clock.send() });
  let project = sampleProject();
  for (let i = 0; i < 200; i++) project = commitChange(project, { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: `wording ${i}` } } }, meta(`a-${i}`, 'kA')).project;
  const theirs = (id: string, title: string): HistoryEntry => commitChange(project, { kind: 'do', op: { type: 'renameProject', title } }, meta(id, 'kB')).entry;
  project = mergeEntries(project, [theirs('b-1', 'One')]).project;
  // As saved and opened again: new objects, no replay at hand.
  return { opened: JSON.parse(JSON.stringify(project)) as Project, next: theirs('b-2', 'Two') };
}

describe('merge preparation after opening', () => {
  it('keeps a replay the first merge resumes, giving what a full replay gives', async () => {
    const { opened, next } = mergedProject();
    expect(await prepareMergeInBackground(opened, () => true, 16).done).toBe(true);
    const merged = mergeEntries(opened, [next]);
    expect(merged.replayed).toBe(1);
    expect(merged.project).toStrictEqual(replayHistory(historyBase(opened), [...opened.history, next]));
  });

  it('stops when the project is closed, and the merge then replays everything', async () => {
    const { opened, next } = mergedProject();
    expect(await prepareMergeInBackground(opened, () => false).done).toBe(false);
    expect(mergeEntries(opened, [next]).replayed).toBe(opened.history.length + 1);
  });
});
