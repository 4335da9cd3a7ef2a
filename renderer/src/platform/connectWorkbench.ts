/**
 * The one door to the outside world: the WorkbenchApi the Electron preload defines as
 * `window.workbench` or, in browser mode, the HTTP client. main.tsx connects once and hands the API
 * to the session and, through React context, to the components. Every call returns a promise and
 * throws WorkbenchError on failure.
 */
import type { WorkbenchApi } from '../../../shared/api';
import { browserModeWorkbench } from './httpClient';

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}

export function connectWorkbench(): WorkbenchApi {
  return window.workbench ?? browserModeWorkbench();
}
