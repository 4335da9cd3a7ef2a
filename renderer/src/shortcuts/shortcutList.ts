/**
 * Every keyboard shortcut of the workbench, in one list: the "?" sheet shows it, and a unit test
 * checks the README's table against it. "Ctrl" reads "Cmd" on macOS.
 */

export interface ShortcutEntry {
  keys: string;
  action: string;
}

export interface ShortcutGroup {
  title: string;
  entries: ShortcutEntry[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Claims',
    entries: [
      { keys: 'Ctrl+M', action: 'Mark the selected passage as a claim' },
      { keys: 'Alt+↓ / Alt+↑', action: 'Next / previous claim' },
      { keys: '↓ ↑ or j k, Enter', action: 'Move in the claim list; open a claim (the focus goes to its statement)' },
    ],
  },
  {
    title: 'In the article',
    entries: [
      { keys: 'n / p (or j / k), Enter, m', action: 'Next / previous claim, open it, mark the selection' },
      { keys: 'F7', action: 'Select text with the keyboard (caret mode) on / off' },
      { keys: '← → ↑ ↓, Home / End', action: 'Move the caret (caret mode); Ctrl+← / Ctrl+→ by word' },
      { keys: 'Shift+arrows, Shift+Home / End', action: 'Extend the selection (caret mode)' },
      { keys: 's / Shift+S (Suggestions on)', action: 'Next / previous suggestion, in the article or the suggestion list' },
      { keys: 'Ctrl+F, then Enter / Shift+Enter', action: 'Find in article (the whole article, also where it is not yet shown); next / previous match' },
    ],
  },
  {
    title: 'Editing',
    entries: [
      { keys: 'Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y)', action: 'Undo / redo any change (in a text field: the field’s own typing)' },
      { keys: 'Enter (one-line field), Tab', action: 'Keep what was typed in a field' },
    ],
  },
  {
    title: 'Project',
    entries: [
      { keys: 'Ctrl+N / Ctrl+O', action: 'New project / Open project (desktop app; the browser keeps these for itself)' },
      { keys: 'Ctrl+Shift+S', action: 'Save project as' },
      { keys: 'Ctrl+W', action: 'Close project (desktop app)' },
      { keys: 'Ctrl+Shift+M', action: 'Merge a copy of the project received from someone else' },
      { keys: 'Ctrl+Shift+A', action: 'Add article' },
      { keys: 'Ctrl+Shift+V (outside a text field)', action: 'Paste the clipboard as a new article' },
      { keys: 'Ctrl+Shift+E', action: 'Export' },
    ],
  },
  {
    title: 'View',
    entries: [
      { keys: 'Ctrl+= / Ctrl+- / Ctrl+0', action: 'Larger / smaller / normal text size (kept in Settings)' },
      { keys: '?', action: 'Show this list of shortcuts' },
      { keys: 'Escape', action: 'Close the dialog, menu or panel on top (one at a time)' },
    ],
  },
];
