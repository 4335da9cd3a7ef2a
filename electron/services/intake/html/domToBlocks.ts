/**
 * Sanitized DOM → blocks. Headings (with level), paragraphs, block quotes, list items,
 * preformatted text (kept verbatim), table cells and figure captions become blocks; other
 * containers are walked through; inline markup is reduced to its text. An image becomes a caption
 * block "[Image: alt]" when it has alt text and is dropped otherwise (it is never loaded).
 */
import type { Block, BlockType } from '../../../../shared/model';
import { cleanInline } from '../plainText';

interface Context {
  type: BlockType;
  level?: number;
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'head', 'title',
  'button', 'input', 'select', 'textarea', 'option', 'audio', 'video', 'canvas', 'map', 'area', 'link', 'meta',
]);

/** Elements that end the current run of inline text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

const CONTAINER_TYPES: ReadonlySet<BlockType> = new Set(['quote', 'listItem', 'tableCell', 'caption']);

function contextFor(tag: string, outer: Context): Context {
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return { type: 'heading', level: Number(heading[1]) };
  switch (tag) {
    case 'p':
    case 'dd':
    case 'dt':
    case 'summary':
      return CONTAINER_TYPES.has(outer.type) ? outer : { type: 'paragraph' };
    case 'blockquote':
      return outer.type === 'listItem' || outer.type === 'tableCell' ? outer : { type: 'quote' };
    case 'li':
      return { type: 'listItem' };
    case 'td':
    case 'th':
      return { type: 'tableCell' };
    case 'figcaption':
    case 'caption':
      return { type: 'caption' };
    default:
      return outer.type === 'heading' ? { type: 'paragraph' } : outer;
  }
}

/** Verbatim text of a <pre>: newlines kept, trailing spaces and blank edge lines dropped. */
function preformattedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}

export function domToBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let buffer = '';

  const push = (context: Context, raw: string) => {
    const text = cleanInline(raw.replace(/\u00A0/g, ' '));
    if (!text) return;
    blocks.push(context.type === 'heading' ? { type: 'heading', level: context.level ?? 2, text } : { type: context.type, text });
  };
  const flush = (context: Context) => {
    const text = buffer;
    buffer = '';
    push(context, text);
  };

  const visit = (node: Node, context: Context): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 /* text */) {
        buffer += (child as Text).data;
        continue;
      }
      if (child.nodeType !== 1 /* element */) continue;
      const element = child as Element;
      const tag = element.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        buffer += ' ';
        continue;
      }
      if (tag === 'img') {
        const alt = cleanInline(element.getAttribute('alt') ?? '');
        if (alt) {
          flush(context);
          blocks.push({ type: 'caption', text: `[Image: ${alt}]` });
        }
        continue;
      }
      if (tag === 'pre') {
        flush(context);
        const text = preformattedText(element.textContent ?? '');
        if (text.trim()) blocks.push({ type: 'preformatted', text });
        continue;
      }
      if (!BLOCK.has(tag)) {
        visit(element, context);
        continue;
      }
      flush(context);
      const inner = contextFor(tag, context);
      visit(element, inner);
      flush(inner);
    }
  };

  const top: Context = { type: 'paragraph' };
  visit(root, top);
  flush(top);
  return blocks;
}
