/**
 * DOMPurify on the server-side DOM (jsdom, see domWindow.ts): everything that could run, load or
 * navigate is removed, and only the few attributes the block walker reads are kept (no href, src,
 * style, on*, srcset…). The result is only ever read as text (domToBlocks); it is never serialized
 * into the UI.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { getSanitizerWindow } from './domWindow';

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'option', 'audio', 'video',
  'source', 'track', 'canvas', 'picture', 'portal', 'dialog', 'title',
];
const ALLOWED_ATTR = ['alt', 'dir', 'lang', 'colspan', 'rowspan', 'datetime'];

const CONFIG: Config = {
  FORBID_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
};

let purify: DOMPurify | null = null;

function purifier(): DOMPurify {
  if (!purify) {
    const instance = createDOMPurify(getSanitizerWindow() as unknown as Parameters<typeof createDOMPurify>[0]);
    // Fail closed: on a DOM DOMPurify cannot work with, sanitize() would return its input unchanged.
    if (!instance.isSupported) throw new Error('The HTML sanitizer cannot run on this DOM.');
    purify = instance;
  }
  return purify;
}

/** Parses and sanitizes HTML (a page, an article's content, mammoth's output, clipboard HTML); returns the body. */
export function sanitizeHtmlString(html: string): HTMLElement {
  return purifier().sanitize(html, { ...CONFIG, RETURN_DOM: true }) as HTMLElement;
}
