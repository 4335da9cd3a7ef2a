/**
 * Who works on the claim, by when, and its tags (the overview filters by all three). The assignee
 * is picked from the people the project has seen, or typed as a new name.
 */
import { useId } from 'react';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { isOverdue, localDay } from '../../../shared/workflow/tasking';
import { projectPeople } from '../store/derived';
import { DraftTextField } from '../claims/DraftTextField';
import { StableInput } from '../claims/StableInput';
import { useDraftField, useDraftInputHandlers } from '../claims/useDraftField';
import { useSession, useSettings } from '../app/context';

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/^#/, '').slice(0, 80);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function ClaimAssignment({ project, claim }: { project: Project; claim: Claim }) {
  const session = useSession();
  const settings = useSettings();
  const listId = useId();
  const dueId = useId();
  const people = projectPeople(project, settings?.userName ? [settings.userName] : []);
  const overdue = isOverdue(claim, localDay());
  // Typed digit by digit a date passes through other valid dates (year 0002, 0020…): keep it when the field is left.
  const due = useDraftField(claim.dueDate ?? '', (dueDate) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { dueDate } }));
  const dueHandlers = useDraftInputHandlers(due);
  return (
    <>
      <div className="field-row">
        <DraftTextField
          label="Assignee"
          value={claim.assignee ?? ''}
          placeholder="Pick or type a name"
          className="grow"
          list={listId}
          onCommit={(assignee) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { assignee: assignee.trim() } })}
        />
        <datalist id={listId}>
          {people.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div className="field field-date">
          <label className="field-label" htmlFor={dueId}>
            Due date
          </label>
          <StableInput
            id={dueId}
            type="date"
            className={`field-input${overdue ? ' field-overdue' : ''}`}
            value={due.value}
            aria-describedby={overdue ? `${dueId}-overdue` : undefined}
            {...dueHandlers}
          />
          {overdue && (
            <p id={`${dueId}-overdue`} className="field-overdue-note">
              Overdue
            </p>
          )}
        </div>
      </div>
      <DraftTextField
        label="Tags"
        value={(claim.tags ?? []).join(', ')}
        placeholder="e.g. health, budget"
        onCommit={(text) => {
          const tags = parseTags(text);
          if (tags.join(',') !== (claim.tags ?? []).join(',')) session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { tags } });
        }}
      />
    </>
  );
}
