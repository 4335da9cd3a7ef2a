/** The sheet of every keyboard shortcut ("?"). */
import { Dialog } from '../dialogs/Dialog';
import { shortcut } from '../platform/shortcutLabel';
import { SHORTCUT_GROUPS } from './shortcutList';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog label="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group" aria-label={group.title}>
            <h3 className="dialog-section-title">{group.title}</h3>
            <dl className="shortcut-list">
              {group.entries.map((entry) => (
                <div key={entry.keys} className="shortcut-row">
                  <dt>
                    <kbd>{shortcut(entry.keys)}</kbd>
                  </dt>
                  <dd>{entry.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
