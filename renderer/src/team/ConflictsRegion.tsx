/**
 * Conflicts left by merging copies: concurrent edits of one field (pick the value to keep; the
 * choice is an ordinary edit, which settles the conflict on every copy) and entries kept but not
 * applied, with the reason (a forged or unauthorised review step, an edit of a deleted claim…).
 */
import type { SyncConflict } from '../../../shared/model';
import type { Operation, Project } from '../../../shared/operations';
import { useSession } from '../app/context';

type FieldConflict = Extract<SyncConflict, { kind: 'field' }>;

/** The edit that writes `value` into the conflict's field. */
function pickOperation(conflict: FieldConflict, value: unknown): Operation | null {
  const changes = { [conflict.field]: value };
  switch (conflict.entity) {
    case 'claim':
      return { type: 'editClaim', claimId: conflict.entityId, changes } as Operation;
    case 'source':
      return { type: 'editSource', sourceId: conflict.entityId, changes } as Operation;
    case 'link':
      return { type: 'editLink', linkId: conflict.entityId, changes } as Operation;
    case 'verdict':
      return { type: 'setVerdict', claimId: conflict.entityId, [conflict.field]: value } as Operation;
    default:
      return null;
  }
}

const shown = (value: unknown) => (typeof value === 'string' ? value || '(empty)' : JSON.stringify(value));

export function ConflictsRegion({ project }: { project: Project }) {
  const session = useSession();
  const conflicts = project.conflicts ?? [];
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" role="region" aria-label="Conflicts">
      <h2>Conflicts ({conflicts.length})</h2>
      <ul>
        {conflicts.map((conflict) =>
          conflict.kind === 'field' ? (
            <li key={conflict.id}>
              <p>
                {conflict.entity} {conflict.entityId}: {conflict.field} was changed on two copies at once.
              </p>
              <ul>
                {conflict.values.map((v) => (
                  <li key={v.entryId}>
                    “{shown(v.value)}” — {v.author}, {v.at}{' '}
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Keep “${shown(v.value)}” by ${v.author} for ${conflict.field} of ${conflict.entityId}`}
                      onClick={() => {
                        const op = pickOperation(conflict, v.value);
                        if (op) session.dispatch(op);
                      }}
                    >
                      Keep this
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li key={conflict.id}>
              Not applied: a change by {conflict.author} ({conflict.at}) — {conflict.reason}.
            </li>
          ),
        )}
      </ul>
    </section>
  );
}
