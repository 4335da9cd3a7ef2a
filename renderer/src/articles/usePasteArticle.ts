/** Ctrl+Shift+V (Cmd+Shift+V on macOS) and paste events outside text fields paste the clipboard as a new article. */
import { useEffect } from 'react';
import { useSession } from '../app/context';
import { isTextField, pasteArticle, pasteArticleFromClipboard } from './pasteArticle';

export function usePasteArticle(enabled: boolean): void {
  const session = useSession();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'v') return;
      if (isTextField(event.target)) return;
      event.preventDefault();
      void pasteArticleFromClipboard(session);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event.target) || !event.clipboardData) return;
      event.preventDefault();
      void pasteArticle(session, { html: event.clipboardData.getData('text/html') || undefined, text: event.clipboardData.getData('text/plain') || undefined });
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [enabled, session]);
}
