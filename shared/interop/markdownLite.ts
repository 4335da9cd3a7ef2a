/**
 * A small, safe Markdown reader for rationales and notes in reports: paragraphs, bullet and
 * numbered lists, **strong**, *emphasis*, `code` and [links](https://…). It reads the text once into
 * blocks and inline parts, and writes them either as HTML (every character escaped; raw HTML in the
 * Markdown shows as text) or as Markdown again (every character that could start other syntax
 * escaped). Links to anything but http(s) keep only their label.
 *
 * Every step is linear in the length of the text: each scan moves forward, and the searches for a
 * closing delimiter remember where they stopped instead of starting again (a 160 KB rationale of
 * unclosed brackets or asterisks used to take seconds).
 */
import { checkExternalUrl } from '../urlCheck';
import { escapeHtml } from './escape';

export type InlinePart =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: InlinePart[] }
  | { type: 'em'; children: InlinePart[] }
  | { type: 'link'; url: string; children: InlinePart[] };

export type MarkdownBlock =
  | { type: 'paragraph'; lines: InlinePart[][] }
  | { type: 'list'; ordered: boolean; items: InlinePart[][] };

// ---------- blocks ----------

/** JavaScript's \s, tested without a regular expression for ASCII (this runs once per character). */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(ch);
}

/** JavaScript's \w: ASCII letters, digits and underscore. */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function skipSpaces(line: string, from: number): number {
  let i = from;
  while (i < line.length && isSpace(line[i])) i++;
  return i;
}

/** The content of a list item line ("- x", "* x", "+ x", "1. x", "2) x"), or null. */
function listItem(line: string): { ordered: boolean; content: string } | null {
  const start = skipSpaces(line, 0);
  const ch = line[start];
  if ((ch === '-' || ch === '*' || ch === '+') && isSpace(line[start + 1])) {
    return { ordered: false, content: line.slice(skipSpaces(line, start + 1)) };
  }
  let i = start;
  while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  if (i > start && (line[i] === '.' || line[i] === ')') && isSpace(line[i + 1])) {
    return { ordered: true, content: line.slice(skipSpaces(line, i + 1)) };
  }
  return null;
}

/** A paragraph line without a heading's `#`s or a quote's `>` (shown as plain text). */
function paragraphLine(line: string): string {
  let text = line;
  let hashes = 0;
  while (hashes < text.length && text[hashes] === '#') hashes++;
  if (hashes >= 1 && hashes <= 6 && isSpace(text[hashes])) text = text.slice(skipSpaces(text, hashes));
  if (text[0] === '>') text = text.slice(isSpace(text[1]) ? 2 : 1);
  return text;
}

export function parseMarkdownLite(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', lines: paragraph.map(parseInline) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };

  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const item = listItem(line);
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (item) {
      flushParagraph();
      if (list && list.ordered !== item.ordered) flushList();
      list ??= { ordered: item.ordered, items: [] };
      list.items.push(item.content);
    } else if (list && isSpace(line[0]) && isSpace(line[1])) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(paragraphLine(line));
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

// ---------- inline ----------

/**
 * Code spans and links, leftmost first, then emphasis in the text between them and in link labels.
 * Searches for a closing backtick, bracket or parenthesis remember where they ended.
 */
export function parseInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  let noMoreBackticks = false;
  let closeBracket = -1; // the next ']' at or after the position asked, -2 when there is none
  let urlStop = -1; // the next ')' or space at or after the position asked (text.length when none)

  const nextCloseBracket = (from: number): number => {
    if (closeBracket === -2) return -1;
    if (closeBracket < from) {
      closeBracket = text.indexOf(']', from);
      if (closeBracket === -1) closeBracket = -2;
    }
    return closeBracket < 0 ? -1 : closeBracket;
  };
  const nextUrlStop = (from: number): number => {
    if (urlStop < from) {
      urlStop = from;
      while (urlStop < text.length && text[urlStop] !== ')' && !isSpace(text[urlStop])) urlStop++;
    }
    return urlStop;
  };

  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '`' && !noMoreBackticks) {
      const close = text.indexOf('`', i + 1);
      if (close === -1) noMoreBackticks = true;
      else if (close > i + 1) {
        pushText(parts, text.slice(last, i));
        parts.push({ type: 'code', text: text.slice(i + 1, close) });
        i = last = close + 1;
        continue;
      }
    } else if (ch === '[') {
      const close = nextCloseBracket(i + 1);
      if (close !== -1 && text[close + 1] === '(') {
        const stop = nextUrlStop(close + 2);
        if (text[stop] === ')') {
          pushText(parts, text.slice(last, i));
          const label = text.slice(i + 1, close);
          const target = text.slice(close + 2, stop);
          const checked = checkExternalUrl(target);
          const children = emphasis(label || target);
          if (checked.ok) parts.push({ type: 'link', url: checked.url, children });
          else append(parts, children);
          i = last = stop + 1;
          continue;
        }
      }
    }
    i++;
  }
  pushText(parts, text.slice(last));
  return parts;
}

function pushText(parts: InlinePart[], text: string): void {
  if (text) append(parts, emphasis(text));
}

/** push(...items) without spreading arguments (a long line has more parts than a call takes). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** **strong** / __strong__ first (shortest match), then *em* / _em_ inside and between them. */
function emphasis(text: string): InlinePart[] {
  const out: InlinePart[] = [];
  for (const piece of delimited(text, 2)) {
    if (piece.matched) out.push({ type: 'strong', children: emOnly(piece.text) });
    else append(out, emOnly(piece.text));
  }
  return out;
}

function emOnly(text: string): InlinePart[] {
  return delimited(text, 1).map((piece) => (piece.matched ? { type: 'em', children: [{ type: 'text', text: piece.text }] } : { type: 'text', text: piece.text }));
}

/**
 * Splits text into plain pieces and pieces between a pair of `*` / `_` delimiters of `width` 1 or 2.
 * An opener is followed by a non-space; a closer follows a non-space; single delimiters also need a
 * non-word character (or the edge) outside. Each opener takes the nearest closer after it; the
 * sorted list of closers is walked once.
 */
function delimited(text: string, width: 1 | 2): { text: string; matched: boolean }[] {
  const closers: Record<'*' | '_', number[]> = { '*': [], _: [] };
  for (let j = 1; j < text.length; j++) {
    const c = text[j];
    if (c !== '*' && c !== '_') continue;
    if (width === 2 ? text[j + 1] !== c : false) continue;
    if (isSpace(text[j - 1])) continue;
    if (width === 1 && (isWordChar(text[j + 1]) || text[j + 1] === '*')) continue;
    closers[c].push(j);
  }
  const next = { '*': 0, _: 0 };
  const pieces: { text: string; matched: boolean }[] = [];
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if ((c === '*' || c === '_') && isOpener(text, i, c, width)) {
      const list = closers[c];
      const minimum = i + width + 1;
      while (next[c] < list.length && list[next[c]]! < minimum) next[c]++;
      const close = list[next[c]];
      if (close !== undefined) {
        if (i > last) pieces.push({ text: text.slice(last, i), matched: false });
        pieces.push({ text: text.slice(i + width, close), matched: true });
        i = last = close + width;
        continue;
      }
    }
    i++;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), matched: false });
  return pieces;
}

function isOpener(text: string, i: number, c: '*' | '_', width: 1 | 2): boolean {
  if (width === 2) return text[i + 1] === c && text[i + 2] !== undefined && !isSpace(text[i + 2]);
  const before = text[i - 1];
  if (isWordChar(before) || before === '*') return false;
  return text[i + 1] !== undefined && !isSpace(text[i + 1]);
}

// ---------- writing ----------

export function markdownToSafeHtml(markdown: string): string {
  return parseMarkdownLite(markdown)
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${block.lines.map(inlineHtml).join('<br>\n')}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

function inlineHtml(parts: InlinePart[]): string {
  let html = '';
  for (const part of parts) {
    if (part.type === 'text') html += escapeHtml(part.text);
    else if (part.type === 'code') html += `<code>${escapeHtml(part.text)}</code>`;
    else if (part.type === 'strong') html += `<strong>${inlineHtml(part.children)}</strong>`;
    else if (part.type === 'em') html += `<em>${inlineHtml(part.children)}</em>`;
    else html += `<a href="${escapeHtml(part.url)}" rel="noopener noreferrer">${inlineHtml(part.children)}</a>`;
  }
  return html;
}

/**
 * The same Markdown written back with only the syntax read here: every other character that could
 * start Markdown or HTML (raw tags, images, reference links, autolinks, entities, tables) escaped.
 */
export function markdownToSafeMarkdown(markdown: string): string {
  return parseMarkdownLite(markdown)
    .map((block) => {
      if (block.type === 'paragraph') return block.lines.map((line) => safeLineStart(inlineMarkdown(line))).join('\n');
      return block.items.map((item, n) => `${block.ordered ? `${n + 1}.` : '-'} ${safeLineStart(inlineMarkdown(item))}`).join('\n');
    })
    .join('\n\n');
}

function inlineMarkdown(parts: InlinePart[]): string {
  let md = '';
  for (const part of parts) {
    if (part.type === 'text') md += escapeMarkdownText(part.text);
    else if (part.type === 'code') md += `\`${part.text}\``;
    else if (part.type === 'strong') md += `**${inlineMarkdown(part.children)}**`;
    else if (part.type === 'em') md += `*${inlineMarkdown(part.children)}*`;
    else md += `[${inlineMarkdown(part.children)}](<${part.url}>)`;
  }
  return md;
}

/** Text on one line that Markdown shows literally: line breaks become spaces, syntax characters are backslash-escaped. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|#!&~]/g, (c) => `\\${c}`);
}

/** A line that cannot begin a block of its own (list item, heading underline, rule, code block). */
export function safeLineStart(line: string): string {
  return line.replace(/^\s+/, '').replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}
