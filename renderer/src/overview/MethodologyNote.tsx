/** The project's methodology note (Markdown), shown with a safe preview. */
import type { Project } from '../../../shared/operations';
import { DraftTextField } from '../claims/DraftTextField';
import { RationalePreview } from '../claims/RationalePreview';
import { useSession } from '../app/context';

export function MethodologyNote({ project }: { project: Project }) {
  const session = useSession();
  return (
    <section className="overview-section" aria-label="Methodology">
      <h3 className="panel-section-title">Methodology note</h3>
      <DraftTextField
        label="Methodology"
        multiline
        rows={4}
        value={project.methodology ?? ''}
        placeholder="How this desk checks claims, which scale it uses and why."
        onCommit={(text) => session.dispatch({ type: 'setMethodology', text })}
        renderBelow={(draft) =>
          draft.trim() ? (
            <div className="rationale-preview" role="group" aria-label="Methodology preview">
              <RationalePreview markdown={draft} />
            </div>
          ) : null
        }
      />
    </section>
  );
}
