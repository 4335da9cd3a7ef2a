/**
 * Markdown (.md) → blocks, via mdast-util-from-markdown: headings (with their level), paragraphs,
 * block quotes (their paragraphs become 'quote' blocks), list items ('listItem') and code
 * ('preformatted', kept verbatim). Inline formatting is reduced to its text; raw HTML, images'
 * markup and link targets are dropped. The title is the first heading, else the first line.
 * A YAML front matter block is skipped (its `title:` is used when there is no heading).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, RootContent } from 'mdast';
import type { Block } from '../../../shared/model';
import { cleanInline, MAX_TITLE_LENGTH, normalizeNewlines, type TextStructure } from './plainText';

type TextBlockType = 'paragraph' | 'quote' | 'listItem';

export function markdownToBlocks(source: string): TextStructure {
  const { body, frontTitle } = splitFrontMatter(normalizeNewlines(source));
  const tree = fromMarkdown(body);
  const blocks: Block[] = [];
  let headingTitle = '';

  const visit = (nodes: readonly RootContent[], as: TextBlockType): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const text = cleanInline(inlineText(node));
          if (!text) break;
          if (!headingTitle) headingTitle = text;
          blocks.push({ type: 'heading', level: node.depth, text });
          break;
        }
        case 'paragraph': {
          const text = cleanInline(inlineText(node));
          if (text) blocks.push({ type: as, text });
          break;
        }
        case 'blockquote':
          visit(node.children, as === 'listItem' ? 'listItem' : 'quote');
          break;
        case 'list':
          visit(node.children, 'listItem');
          break;
        case 'listItem':
          visit(node.children, 'listItem');
          break;
        case 'code': {
          const text = node.value.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
          if (text.trim()) blocks.push({ type: 'preformatted', text });
          break;
        }
        default:
          // html, thematicBreak, definition, footnotes, yaml…: no readable text of their own.
          break;
      }
    }
  };
  visit(tree.children, 'paragraph');

  const firstLine = blocks[0]?.text.split('\n')[0]?.trim() ?? '';
  const title = headingTitle || frontTitle || (firstLine.length < MAX_TITLE_LENGTH ? firstLine : '');
  return { title, blocks };
}

/** The readable text of a node: text and inline code values, image alt texts; line breaks as spaces. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'image':
      return node.alt ?? '';
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

function splitFrontMatter(text: string): { body: string; frontTitle: string } {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, frontTitle: '' };
  const titleLine = /^title:[ \t]*(.+)$/m.exec(match[1]);
  const frontTitle = titleLine ? cleanInline(titleLine[1].replace(/^(["'])(.*)\1$/, '$2')) : '';
  return { body: text.slice(match[0].length), frontTitle };
}
