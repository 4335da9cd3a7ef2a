/** "Add from library": link a source already in the project's library to this claim. */
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { truncate } from '../claims/claimLabels';
import { useSession } from '../app/context';
import { librarySourcesFor, linkLibrarySourceOperation } from './reuseSource';

export function LibraryPicker({ project, claim, disabled }: { project: Project; claim: Claim; disabled?: boolean }) {
  const session = useSession();
  const available = librarySourcesFor(project, claim.id);
  if (available.length === 0) return null;
  return (
    <select
      className="field-select field-select-small library-picker"
      aria-label="Add from library"
      disabled={disabled}
      value=""
      onChange={(event) => {
        const source = available.find((s) => s.id === event.target.value);
        if (source) session.dispatch(linkLibrarySourceOperation(claim.id, source));
      }}
    >
      <option value="">Add from library…</option>
      {available.map((source) => (
        <option key={source.id} value={source.id}>
          {truncate(source.title || source.url, 60)}
        </option>
      ))}
    </select>
  );
}
