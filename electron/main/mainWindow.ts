/** Creates the single workbench window and loads our page into it. */
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window';

export function createMainWindow(preloadPath: string, pageUrl: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(pageUrl);
  return win;
}
