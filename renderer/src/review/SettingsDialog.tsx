/**
 * Settings: the local user's name and role (stamped on every change, used by the review workflow)
 * and the window's appearance: theme and text size, previewed as they are chosen.
 */
import { useEffect, useState } from 'react';
import { NORMAL_TEXT_SIZE, TEXT_SIZES, THEME_LABELS, ThemeSchema, type Theme } from '../../../shared/appearance';
import { applyAppearance } from '../app/appearance';
import type { Settings } from '../../../shared/api';
import { Dialog } from '../dialogs/Dialog';
import { useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { RoleField } from './RoleField';
import { DialogFooter } from '../dialogs/DialogFooter';

interface SettingsDialogProps {
  settings: Settings | null;
  onClose: () => void;
}

export function SettingsDialog({ settings, onClose }: SettingsDialogProps) {
  const session = useSession();
  const [name, setName] = useState(settings?.userName ?? '');
  const [role, setRole] = useState<Settings['role']>(settings?.role ?? 'checker');
  const [theme, setTheme] = useState<Theme>(settings?.theme ?? 'system');
  const [textSize, setTextSize] = useState<number>(settings?.textSize ?? NORMAL_TEXT_SIZE);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Preview the appearance while choosing; closing without saving puts the saved one back.
  useEffect(() => {
    applyAppearance(theme, textSize);
  }, [theme, textSize]);
  useEffect(
    () => () => {
      const saved = session.settings.getSnapshot();
      applyAppearance(saved?.theme ?? 'system', saved?.textSize ?? NORMAL_TEXT_SIZE);
    },
    [session],
  );
  return (
    <Dialog label="Settings" onClose={onClose}>
      <form
        className="dialog-form"
        aria-label="Settings"
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          try {
            await session.settings.save({ userName: name.trim() || undefined, role, theme, textSize });
            onClose();
          } catch (error) {
            setProblem(errorMessage(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="settings-name">
            Your name
          </label>
          <input id="settings-name" data-autofocus className="field-input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <p className="field-hint">Recorded as the author of every change you make.</p>
        </div>
        <RoleField id="settings-role" value={role} onChange={setRole} hint="Editors can approve claims and request changes." />
        <div className="field-row">
          <div className="field grow">
            <label className="field-label" htmlFor="settings-theme">
              Theme
            </label>
            <select id="settings-theme" className="field-select" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
              {ThemeSchema.options.map((option) => (
                <option key={option} value={option}>
                  {THEME_LABELS[option]}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label className="field-label" htmlFor="settings-text-size">
              Text size
            </label>
            <select id="settings-text-size" className="field-select" value={textSize} onChange={(event) => setTextSize(Number(event.target.value))}>
              {TEXT_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}%{size === NORMAL_TEXT_SIZE ? ' (normal)' : ''}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="field-hint settings-zoom-hint">Ctrl+= and Ctrl+- change the text size from anywhere; Ctrl+0 sets it back.</p>
        <DialogFooter problem={problem} onCancel={onClose} submitLabel="Save" disabled={busy} />
      </form>
    </Dialog>
  );
}
