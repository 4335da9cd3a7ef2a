/** The project title in the top bar; double-click (or Enter when focused) to rename. */
import { useState } from 'react';

interface ProjectTitleProps {
  title: string;
  path: string | null;
  onRename: (title: string) => void;
}

export function ProjectTitle({ title, path, onRename }: ProjectTitleProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(title);

  const finish = (save: boolean) => {
    setEditing(false);
    const next = draft.trim();
    if (save && next && next !== title) onRename(next);
  };

  if (editing) {
    return (
      <input
        className="project-title-input"
        aria-label="Rename project"
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') finish(true);
          else if (event.key === 'Escape') {
            event.stopPropagation();
            finish(false);
          }
        }}
      />
    );
  }
  return (
    <h1
      className="project-title"
      tabIndex={0}
      title={`${path ?? ''}\nDouble-click to rename`}
      onDoubleClick={() => {
        setDraft(title);
        setEditing(true);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'F2') {
          setDraft(title);
          setEditing(true);
        }
      }}
    >
      {title || 'Untitled project'}
    </h1>
  );
}
