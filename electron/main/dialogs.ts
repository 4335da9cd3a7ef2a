/**
 * Native open/save dialogs behind the contract's pickPath call (the workbench's `dialogs` dep).
 * The dialog module and the window are injected, so this holds no global Electron state.
 */
import type { BrowserWindow, Dialog, FileFilter } from 'electron';
import type { CallArgs } from '../../shared/api';
import { PROJECT_EXTENSION } from '../../shared/projectFile';

export type PickPurpose = CallArgs<'pickPath'>['purpose'];

export interface NativeDialogs {
  pick(purpose: PickPurpose, defaultPath?: string): Promise<string | null>;
}

const projectFilters: FileFilter[] = [
  { name: 'Factcheck projects', extensions: [PROJECT_EXTENSION.slice(1)] },
  { name: 'All files', extensions: ['*'] },
];
const articleFilters: FileFilter[] = [
  { name: 'Articles (web page, PDF, Word, Markdown, text)', extensions: ['html', 'htm', 'pdf', 'docx', 'md', 'markdown', 'txt'] },
  { name: 'All files', extensions: ['*'] },
];

/** A save path typed without an extension gets `.factcheck.json`. */
export function withProjectExtension(path: string): string {
  return /\.json$/i.test(path) ? path : path + PROJECT_EXTENSION;
}

export function createNativeDialogs(dialog: Dialog, getWindow: () => BrowserWindow | null): NativeDialogs {
  return {
    async pick(purpose, defaultPath) {
      const win = getWindow();
      if (purpose === 'saveProject') {
        const options = { title: 'Save project as', defaultPath, filters: projectFilters };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : withProjectExtension(result.filePath);
      }
      const titles = { openProject: 'Open project', mergeCopy: 'Merge a copy', importArticle: 'Add article' } as const;
      const options = {
        title: titles[purpose],
        defaultPath,
        filters: purpose === 'importArticle' ? articleFilters : projectFilters,
        properties: ['openFile' as const],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
