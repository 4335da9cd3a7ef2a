/**
 * Guards on every web contents and on the session: no navigation away from our page, no new
 * windows (http(s) links go to the system browser after the shared URL check), no permissions,
 * no downloads. Types only from 'electron'; the shell is injected, so tests pass fakes.
 */
import type { Session, WebContents } from 'electron';
import { checkExternalUrl } from '../../shared/urlCheck';

export interface WebContentsGuardDeps {
  /** Opens a checked http(s) URL in the system browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void> | void;
}

export function hardenWebContents(contents: WebContents, deps: WebContentsGuardDeps): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  // Our page never navigates; reloads do not pass through these events.
  contents.on('will-navigate', deny);
  contents.on('will-frame-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(({ url }) => {
    const checked = checkExternalUrl(url);
    if (checked.ok) {
      Promise.resolve(deps.openExternal(checked.url)).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
