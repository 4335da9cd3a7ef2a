/**
 * The native application menu, as a template (no Electron import; index.ts builds it).
 *
 * Why menu items send key presses: the preload exposes exactly the API contract and nothing else,
 * so there is no main → renderer command channel. The renderer already handles these shortcuts
 * itself (New project, Open, Save as, Close project, Merge a copy, Add article, Undo, Redo), so a menu click
 * synthesizes the same key press into the page with webContents.sendInputEvent. The accelerators
 * are shown in the menu but not registered (registerAccelerator: false): a real key press goes
 * straight to the renderer, and a synthesized one cannot loop back into the menu.
 * "Open recent" needs no renderer command: main opens the project through the workbench and
 * reloads the page, which picks it up with getOpenProject.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from '../../shared/api';

export interface Shortcut {
  /** Lower-case key as sendInputEvent's keyCode expects it, e.g. 'n', 'z'. */
  key: string;
  shift: boolean;
}

export const SHORTCUTS = {
  newProject: { key: 'n', shift: false },
  openProject: { key: 'o', shift: false },
  saveAs: { key: 's', shift: true },
  /** Merge a copy… (another copy of the open project, received by mail or on a stick). */
  mergeCopy: { key: 'm', shift: true },
  closeProject: { key: 'w', shift: false },
  addArticle: { key: 'a', shift: true },
  undo: { key: 'z', shift: false },
  redo: { key: 'z', shift: true },
  /** Opens the window's Export menu. */
  exportReport: { key: 'e', shift: true },
  /** Text size: the renderer zooms and keeps the size in the settings (Electron's own zoom would not be kept). */
  textLarger: { key: '=', shift: false },
  textSmaller: { key: '-', shift: false },
  textNormal: { key: '0', shift: false },
} as const satisfies Record<string, Shortcut>;

export function acceleratorFor(shortcut: Shortcut): string {
  return `CmdOrCtrl+${shortcut.shift ? 'Shift+' : ''}${shortcut.key.toUpperCase()}`;
}

/** The key events for one shortcut: Cmd on macOS, Ctrl elsewhere. */
export function shortcutInputEvents(shortcut: Shortcut, platform: NodeJS.Platform) {
  const modifiers: Array<'meta' | 'control' | 'shift'> = [platform === 'darwin' ? 'meta' : 'control'];
  if (shortcut.shift) modifiers.push('shift');
  return [
    { type: 'keyDown' as const, keyCode: shortcut.key, modifiers },
    { type: 'keyUp' as const, keyCode: shortcut.key, modifiers },
  ];
}

export interface MenuDeps {
  platform: NodeJS.Platform;
  appName: string;
  recent: RecentProject[];
  /** Delivers a shortcut's key presses to the focused workbench window. */
  sendShortcut(shortcut: Shortcut): void;
  openRecent(path: string): void;
  showDevTools: boolean;
}

export function buildMenuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const command = (label: string, shortcut: Shortcut): MenuItemConstructorOptions => ({
    label,
    accelerator: acceleratorFor(shortcut),
    registerAccelerator: false,
    click: () => deps.sendShortcut(shortcut),
  });
  const recentItems: MenuItemConstructorOptions[] = deps.recent.length
    ? deps.recent.map((entry) => ({ label: entry.title || entry.path, toolTip: entry.path, click: () => deps.openRecent(entry.path) }))
    : [{ label: 'No recent projects', enabled: false }];
  const isMac = deps.platform === 'darwin';

  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        command('New project…', SHORTCUTS.newProject),
        command('Open project…', SHORTCUTS.openProject),
        { label: 'Open recent', submenu: recentItems },
        { type: 'separator' },
        command('Save as…', SHORTCUTS.saveAs),
        command('Close project', SHORTCUTS.closeProject),
        command('Merge a copy…', SHORTCUTS.mergeCopy),
        { type: 'separator' },
        command('Add article…', SHORTCUTS.addArticle),
        command('Export…', SHORTCUTS.exportReport),
        { type: 'separator' },
        { label: 'Quit', role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', SHORTCUTS.undo),
        command('Redo', SHORTCUTS.redo),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(deps.showDevTools ? [{ role: 'toggleDevTools' } as const] : []),
        { type: 'separator' },
        command('Normal text size', SHORTCUTS.textNormal),
        command('Larger text', SHORTCUTS.textLarger),
        command('Smaller text', SHORTCUTS.textSmaller),
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  if (isMac) template.unshift({ label: deps.appName, role: 'appMenu' });
  return template;
}
