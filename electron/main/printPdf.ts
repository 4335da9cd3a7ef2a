/**
 * PDF export in the desktop app: the self-contained HTML report is loaded in a hidden, sandboxed
 * window with JavaScript off and printed with webContents.printToPDF.
 */
import { promises as fs } from 'node:fs';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

type WindowFactory = new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadURL' | 'destroy' | 'webContents'>;

export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    images: true,
    partition: 'factcheck-print',
  },
};

export function createElectronPdfPrinter(Window: WindowFactory): (html: string, pdfFile: string, options?: { pageSize: 'a4' | 'letter' }) => Promise<void> {
  return async (html, pdfFile, options) => {
    const win = new Window(PRINT_WINDOW_OPTIONS);
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await win.webContents.printToPDF({
        printBackground: true,
        pageSize: options?.pageSize === 'letter' ? 'Letter' : 'A4',
        // The report's @page rule names the same paper and its margins.
        preferCSSPageSize: true,
        margins: { top: 0.6, bottom: 0.6, left: 0.6, right: 0.6 },
        displayHeaderFooter: false,
      });
      await fs.writeFile(pdfFile, pdf);
    } finally {
      win.destroy();
    }
  };
}
