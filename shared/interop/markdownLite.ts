/**
 * A small, safe Markdown renderer for rationales in HTML reports: paragraphs, bullet and numbered
 * lists, **strong**, *emphasis*, `code` and [links](https://…). Everything is escaped first; raw
 * HTML in the Markdown shows as text; links other than http(s) are rendered as plain text.
 */
import { checkExternalUrl } from '../urlCheck';
import { escapeHtml } from './escape';

export function markdownToSafeHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join('<br>\n')}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const tag = list.ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${list.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`);
    }
    list = null;
  };

  for (const line of lines) {
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = !bullet;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (list && /^\s{2,}\S/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, ''));
    }
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}

/** Inline Markdown on one line of text. */
function inline(text: string): string {
  const parts: string[] = [];
  // Code spans and links are cut out first so their insides are not treated as emphasis.
  const pattern = /`([^`]+)`|\[([^\]]*)\]\(([^)\s]*)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(emphasis(escapeHtml(text.slice(last, m.index))));
    if (m[1] !== undefined) parts.push(`<code>${escapeHtml(m[1])}</code>`);
    else {
      const checked = checkExternalUrl(m[3] ?? '');
      const label = emphasis(escapeHtml(m[2] || m[3] || ''));
      parts.push(checked.ok ? `<a href="${escapeHtml(checked.url)}" rel="noopener noreferrer">${label}</a>` : label);
    }
    last = m.index + m[0].length;
  }
  parts.push(emphasis(escapeHtml(text.slice(last))));
  return parts.join('');
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__/g, (_m, a, b) => `<strong>${a ?? b}</strong>`)
    .replace(/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])/g, (_m, a, b) => `<em>${a ?? b}</em>`);
}
