/** One project file offered in a list of choices (Open project, Merge a copy): its title, path and a detail. */
export function ProjectChoice({ title, path, detail, disabled, onChoose }: { title: string; path: string; detail?: string; disabled?: boolean; onChoose: (path: string) => void }) {
  return (
    <li>
      <button type="button" className="project-choice" disabled={disabled} onClick={() => onChoose(path)}>
        <span className="project-choice-title">{title || 'Untitled project'}</span>
        <span className="project-choice-path">{path}</span>
        {detail && <span className="project-choice-detail">{detail}</span>}
      </button>
    </li>
  );
}
