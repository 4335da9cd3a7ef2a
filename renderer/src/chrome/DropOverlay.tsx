/** Shown while files are dragged over the window. */
export function DropOverlay({ canDrop }: { canDrop: boolean }) {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        {canDrop ? (
          <>
            <strong>Drop to add as articles</strong>
            <span>.txt and .md files</span>
          </>
        ) : (
          <strong>Create or open a project first</strong>
        )}
      </div>
    </div>
  );
}
