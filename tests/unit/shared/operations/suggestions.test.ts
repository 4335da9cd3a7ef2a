/** Dismissing a claim suggestion: recorded in the project, undone exactly, kept by the project file, older files load. */
import { describe, expect, it } from 'vitest';
import { commitChange, describeOperation } from '../../../../shared/history';
import { apply, invert, OperationError, OperationSchema, type Operation, type Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { meta, sampleProject } from '../helpers';

const first = { articleId: 'a1', text: 'The strikes have killed at least 75 people.' };
const second = { articleId: 'a2', text: 'Another sentence.' };

function dismissed(p: Project, op: Operation): Project {
  expect(OperationSchema.safeParse(op).success).toBe(true);
  const inverse = invert(p, op);
  const after = apply(p, op);
  expect(apply(after, inverse)).toEqual(p);
  return after;
}

describe('dismissSuggestion / restoreSuggestion', () => {
  it('records the dismissal, and undo leaves the project exactly as it was (no empty list behind)', () => {
    const p = sampleProject();
    const one = dismissed(p, { type: 'dismissSuggestion', suggestion: first });
    expect(one.dismissedSuggestions).toEqual([first]);
    const two = dismissed(one, { type: 'dismissSuggestion', suggestion: second, index: 0 });
    expect(two.dismissedSuggestions).toEqual([second, first]);
    // Restoring the first of two puts it back at its place when undone.
    const restored = dismissed(two, { type: 'restoreSuggestion', suggestion: second });
    expect(restored.dismissedSuggestions).toEqual([first]);
    expect('dismissedSuggestions' in apply(one, { type: 'restoreSuggestion', suggestion: first })).toBe(false);
  });

  it('refuses to dismiss twice or to restore what is not dismissed', () => {
    const one = apply(sampleProject(), { type: 'dismissSuggestion', suggestion: first });
    expect(() => apply(one, { type: 'dismissSuggestion', suggestion: first })).toThrow(OperationError);
    expect(() => apply(one, { type: 'restoreSuggestion', suggestion: second })).toThrow(OperationError);
    // The same sentence in another article is another suggestion.
    expect(apply(one, { type: 'dismissSuggestion', suggestion: { ...first, articleId: 'a2' } }).dismissedSuggestions).toHaveLength(2);
  });

  it('is a step of the history with its own label, undone like any other', () => {
    const p = sampleProject();
    const { project, entry } = commitChange(p, { kind: 'do', op: { type: 'dismissSuggestion', suggestion: first } }, meta(0));
    expect(describeOperation(entry.op)).toBe('Dismiss suggestion');
    expect(project.dismissedSuggestions).toEqual([first]);
    const undone = commitChange(project, { kind: 'undo' }, meta(1)).project;
    expect(undone.dismissedSuggestions).toBeUndefined();
  });

  it('survives saving and loading; a file without dismissals (older) or with an empty list loads as none', () => {
    const p = apply(sampleProject(), { type: 'dismissSuggestion', suggestion: first });
    const loaded = parseProjectFile(serializeProject(p), sha256Hex);
    expect(loaded.ok && loaded.project.dismissedSuggestions).toEqual([first]);

    const older = parseProjectFile(serializeProject(sampleProject()), sha256Hex);
    expect(older.ok).toBe(true);
    expect(older.ok && older.project.dismissedSuggestions).toBeUndefined();

    const empty = parseProjectFile(serializeProject({ ...sampleProject(), dismissedSuggestions: [] }), sha256Hex);
    expect(empty.ok && 'dismissedSuggestions' in empty.project).toBe(false);
  });
});
