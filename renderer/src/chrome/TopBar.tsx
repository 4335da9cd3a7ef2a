/** The top bar: project title, project actions, undo / redo, and the save status. */
import { describeOperation } from '../../../shared/history';
import { undoRedoTargets } from '../store/derived';
import type { Project } from '../../../shared/operations';
import { shortcut } from '../platform/shortcutLabel';
import type { SaveIndicator } from '../store/changeOutbox';
import { ProjectTitle } from './ProjectTitle';
import { SaveStatus } from './SaveStatus';
import { ReviewTools } from '../review/ReviewTools';
import { ExportTools } from '../exports/ExportTools';
import { PublicationTools } from '../publication/PublicationTools';
import { EvidenceTools } from '../captures/EvidenceTools';

interface TopBarProps {
  project: Project;
  path: string | null;
  save: SaveIndicator;
  onRename: (title: string) => void;
  onNew: () => void;
  onOpen: () => void;
  onSaveAs: () => void;
  onClose: () => void;
  onUndo: () => void;
  onRedo: () => void;
  /** A long history's earlier entries are still being paged in: undo and redo wait for them. */
  historyLoading: boolean;
}

export function TopBar({ project, path, save, onRename, onNew, onOpen, onSaveAs, onClose, onUndo, onRedo, historyLoading }: TopBarProps) {
  const { undo, redo } = undoRedoTargets(project.history, historyLoading);
  return (
    <header className="topbar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">✓</span>
      </div>
      <ProjectTitle title={project.title} path={path} onRename={onRename} />
      <div className="toolbar" role="toolbar" aria-label="Project">
        {/* Short visible words keep the bar on one line at 1280 px; the names stay the full ones. */}
        <button type="button" className="button button-quiet" aria-label="New project" onClick={onNew} title={`New project (${shortcut('Ctrl+N')})`}>
          New
        </button>
        <button type="button" className="button button-quiet" aria-label="Open project" onClick={onOpen} title={`Open project (${shortcut('Ctrl+O')})`}>
          Open
        </button>
        <button type="button" className="button button-quiet" onClick={onSaveAs} title={`Save a copy and continue there (${shortcut('Ctrl+Shift+S')})`}>
          Save as
        </button>
        <button type="button" className="button button-quiet" aria-label="Close project" onClick={onClose} title={`Close project (${shortcut('Ctrl+W')})`}>
          Close
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        {/* aria-disabled, not disabled: the button keeps focus when its click leaves nothing more to undo or redo
            (a disabled button drops it, and the change of focus restyles the page and repaints every highlight). */}
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Undo"
          onClick={() => undo && onUndo()}
          aria-disabled={!undo}
          title={undo ? `Undo ${describeOperation(undo.op)} (${shortcut('Ctrl+Z')})` : historyLoading ? 'Undo waits until the earlier history has loaded' : `Nothing to undo (${shortcut('Ctrl+Z')})`}
        >
          <span aria-hidden="true">↶</span>
        </button>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Redo"
          onClick={() => redo && onRedo()}
          aria-disabled={!redo}
          title={redo ? `Redo ${describeOperation(redo.op)} (${shortcut('Ctrl+Shift+Z')})` : historyLoading ? 'Redo waits until the earlier history has loaded' : `Nothing to redo (${shortcut('Ctrl+Shift+Z')})`}
        >
          <span aria-hidden="true">↷</span>
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        <ExportTools project={project} />
        <PublicationTools project={project} />
        <EvidenceTools project={project} />
        <ReviewTools project={project} />
      </div>
      <SaveStatus save={save} />
    </header>
  );
}
