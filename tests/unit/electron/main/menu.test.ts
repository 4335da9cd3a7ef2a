import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, SHORTCUTS, shortcutInputEvents } from '../../../../electron/main/menu';

function build(platform: NodeJS.Platform = 'linux') {
  const deps = {
    platform,
    appName: 'Factcheck workbench',
    recent: [{ path: '/p/a.factcheck.json', title: 'Budget speech', openedAt: '2026-01-01T00:00:00.000Z' }],
    sendShortcut: vi.fn(),
    openRecent: vi.fn(),
    showDevTools: false,
  };
  return { deps, template: buildMenuTemplate(deps) };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as unknown as () => void)();

describe('application menu', () => {
  it('has the File and Edit commands, sending the renderer its own shortcuts', () => {
    const { deps, template } = build();
    const file = submenu(byLabel(template, 'File'));
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New project…',
      'Open project…',
      'Open recent',
      'Save as…',
      'Close project',
      'Merge a copy…',
      'Add article…',
      'Export…',
      'Quit',
    ]);
    click(byLabel(file, 'Export…'));
    expect(deps.sendShortcut).toHaveBeenCalledWith(SHORTCUTS.exportReport);
    click(byLabel(file, 'Save as…'));
    expect(deps.sendShortcut).toHaveBeenCalledWith(SHORTCUTS.saveAs);
    expect(byLabel(file, 'Save as…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S', registerAccelerator: false });
    click(byLabel(file, 'Merge a copy…'));
    expect(deps.sendShortcut).toHaveBeenLastCalledWith(SHORTCUTS.mergeCopy);
    expect(byLabel(file, 'Merge a copy…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+M', registerAccelerator: false });
    const edit = submenu(byLabel(template, 'Edit'));
    click(byLabel(edit, 'Redo'));
    expect(deps.sendShortcut).toHaveBeenLastCalledWith(SHORTCUTS.redo);
  });

  it('changes the text size through the renderer, which keeps it in the settings', () => {
    const { deps, template } = build();
    const view = submenu(byLabel(template, 'View'));
    expect(view.some((i) => i.role === 'zoomIn' || i.role === 'zoomOut' || i.role === 'resetZoom')).toBe(false);
    click(byLabel(view, 'Larger text'));
    expect(deps.sendShortcut).toHaveBeenLastCalledWith(SHORTCUTS.textLarger);
    expect(byLabel(view, 'Smaller text')).toMatchObject({ accelerator: 'CmdOrCtrl+-', registerAccelerator: false });
    expect(shortcutInputEvents(SHORTCUTS.textLarger, 'linux')[0]).toEqual({ type: 'keyDown', keyCode: '=', modifiers: ['control'] });
  });

  it('lists recent projects and opens them through the main side', () => {
    const { deps, template } = build();
    const recent = submenu(byLabel(submenu(byLabel(template, 'File')), 'Open recent'));
    expect(recent.map((i) => i.label)).toEqual(['Budget speech']);
    click(recent[0]);
    expect(deps.openRecent).toHaveBeenCalledWith('/p/a.factcheck.json');
  });

  it('synthesizes Ctrl (Cmd on macOS) key presses', () => {
    expect(shortcutInputEvents(SHORTCUTS.undo, 'linux')).toEqual([
      { type: 'keyDown', keyCode: 'z', modifiers: ['control'] },
      { type: 'keyUp', keyCode: 'z', modifiers: ['control'] },
    ]);
    expect(shortcutInputEvents(SHORTCUTS.addArticle, 'darwin')[0]).toEqual({ type: 'keyDown', keyCode: 'a', modifiers: ['meta', 'shift'] });
    expect(build('darwin').template[0]).toMatchObject({ role: 'appMenu' });
  });
});
