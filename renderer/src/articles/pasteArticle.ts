/**
 * "Paste article": the clipboard's HTML (through the same sanitize path as web pages, as a .html
 * import) or else its plain text, as a new article. Used by the button, Ctrl+Shift+V and a paste
 * event outside text fields.
 */
import type { ProjectSession } from '../store/projectSession';
import { importPayload } from './importArticleFiles';

export interface ClipboardContent {
  html?: string;
  text?: string;
}

export async function pasteArticle(session: ProjectSession, content: ClipboardContent): Promise<void> {
  if (!session.getSnapshot().project) {
    session.notify('Create or open a project first, then paste articles into it.');
    return;
  }
  const html = content.html?.trim();
  const text = content.text?.trim();
  if (!html && !text) {
    session.notify('The clipboard has no text to paste as an article.');
    return;
  }
  const name = html ? 'Pasted article.html' : 'Pasted article.txt';
  const data = new Blob([html ? content.html! : content.text!], { type: html ? 'text/html' : 'text/plain' });
  await importPayload(session, name, data, 1, 1, 'paste');
}

/** Reads the clipboard (HTML first, then plain text) through the async Clipboard API. */
export async function readClipboard(): Promise<ClipboardContent> {
  const content: ClipboardContent = {};
  try {
    const items = await navigator.clipboard.read();
    for (const item of items) {
      if (!content.html && item.types.includes('text/html')) content.html = await (await item.getType('text/html')).text();
      if (!content.text && item.types.includes('text/plain')) content.text = await (await item.getType('text/plain')).text();
    }
  } catch {
    content.text = await navigator.clipboard.readText().catch(() => undefined);
  }
  return content;
}

export async function pasteArticleFromClipboard(session: ProjectSession): Promise<void> {
  let content: ClipboardContent;
  try {
    content = await readClipboard();
  } catch (error) {
    session.notify(`The clipboard could not be read: ${(error as Error).message}`);
    return;
  }
  await pasteArticle(session, content);
}

/** True when keyboard input goes to a text field (where paste must keep its usual meaning). */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'file', 'submit', 'reset', 'range', 'color'].includes(target.type);
}
