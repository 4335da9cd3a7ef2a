/**
 * The parts of the reader's toolbar that follow the passage selected in the reader: Mark claim and
 * the hint beside the toolbar's buttons. They read the selection themselves, so a selection that
 * changes (with every step of a drag) renders them alone, not the workspace and its 5,000 claims.
 */
import { shortcut } from '../platform/shortcutLabel';
import { useCaretModeOn } from './caretMode';
import { useReaderSelection } from './readerSelection';

/** The selection in the article shown, or null (none, or one in another article). */
function useSelectionIn(articleId: string | null) {
  const selection = useReaderSelection();
  return articleId && selection?.articleId === articleId ? selection : null;
}

export function MarkClaimButton({ articleId, onMark }: { articleId: string | null; onMark: () => void }) {
  const selection = useSelectionIn(articleId);
  return (
    <button
      type="button"
      className="button button-primary"
      disabled={!selection}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onMark}
      title={`Mark claim (${shortcut('Ctrl+M')})`}
    >
      Mark claim
    </button>
  );
}

export function SelectionHint({ articleId }: { articleId: string | null }) {
  const selection = useSelectionIn(articleId);
  const caretOn = useCaretModeOn();
  return (
    <span className="reader-toolbar-hint">
      {selection
        ? `${selection.end - selection.start} characters selected`
        : caretOn
          ? 'Arrows move · Shift+arrows select · M marks · Esc leaves'
          : articleId
            ? 'Select a passage to mark it as a claim'
            : ''}
    </span>
  );
}
