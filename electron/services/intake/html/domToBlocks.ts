/**
 * The HTML sanitizer: any parsed DOM (linkedom: Readability's article, a page's body, a DOCX or
 * clipboard fragment) → blocks, by a strict allow-list walk. Its output is the only thing that
 * leaves it: {type, level?, text} with plain text and nothing else — no element, attribute, URL or
 * markup — and the renderer shows that text as React text nodes, so nothing in it can run, load or
 * navigate. Which text it takes follows the DOMPurify configuration it replaces (see
 * elementRules.ts); the DOM it reads is never serialized, inserted anywhere or given to a browser.
 *
 * Headings (with level), paragraphs, block quotes, list items, preformatted text (kept verbatim),
 * table cells and figure captions become blocks; other containers are walked through; inline markup
 * is reduced to its text. An image becomes a caption block "[Image: alt]" when it has alt text and
 * is dropped otherwise (it is never loaded).
 */
import type { Block, BlockType } from '../../../../shared/model';
import { cleanInline } from '../plainText';
import { ruleOf } from './elementRules';

interface Context {
  type: BlockType;
  level?: number;
}

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

/**
 * An image's alt text, whatever the case of the attribute's name (linkedom keeps ALT as written).
 * A value that could end a comment or a raw-text element is dropped, as DOMPurify dropped it.
 */
function altText(image: Element): string {
  let value = image.getAttribute('alt');
  if (value === null) {
    for (const attribute of Array.from(image.attributes)) {
      if (attribute.name.toLowerCase() === 'alt') {
        value = attribute.value;
        break;
      }
    }
  }
  if (!value || /((--!?|])>)|<\/(style|title|textarea)/i.test(value)) return '';
  return cleanInline(value);
}

/** The text of a subtree as textContent would give it, without the content of dropped elements. */
function allowedText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 /* text */) text += (child as Text).data;
    else if (child.nodeType === 1 /* element */ && ruleOf((child as Element).localName.toLowerCase()) !== 'drop') text += allowedText(child);
  }
  return text;
}

/** Verbatim text of a <pre>: newlines kept, trailing spaces and blank edge lines dropped. */
function preformattedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+|\n+$/g, '');
}

/** The blocks of the children of `root` (an element, a document or a fragment). */
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

  const visitChild = (child: Node, context: Context): void => {
    if (child.nodeType === 3 /* text */) {
      buffer += (child as Text).data;
      return;
    }
    // Comments, processing instructions, CDATA and doctypes carry no article text.
    if (child.nodeType !== 1 /* element */) return;
    const element = child as Element;
    // Lower case: linkedom keeps the case createElement was given (Readability makes "DIV", "P").
    const tag = element.localName.toLowerCase();
    switch (ruleOf(tag)) {
      case 'drop':
        return;
      case 'lineBreak':
        buffer += ' ';
        return;
      case 'image': {
        const alt = altText(element);
        if (alt) {
          flush(context);
          blocks.push({ type: 'caption', text: `[Image: ${alt}]` });
        }
        return;
      }
      case 'preformatted': {
        flush(context);
        const text = preformattedText(allowedText(element));
        if (text.trim()) blocks.push({ type: 'preformatted', text });
        return;
      }
      case 'inline':
        visit(element, context);
        return;
      case 'block': {
        flush(context);
        const inner = contextFor(tag, context);
        visit(element, inner);
        flush(inner);
        return;
      }
    }
  };
  const visit = (node: Node, context: Context): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) visitChild(child, context);
  };

  const top: Context = { type: 'paragraph' };
  // A linkedom document's doctype has no nextSibling: walk a document's own children as a list.
  if (root.nodeType === 9 /* document */) for (const child of Array.from(root.childNodes)) visitChild(child, top);
  else visit(root, top);
  flush(top);
  return blocks;
}
