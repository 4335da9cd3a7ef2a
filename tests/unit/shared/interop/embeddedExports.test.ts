/**
 * Exports that are pasted into other documents must not break out of them. ClaimReview is made to
 * go inside `<script type="application/ld+json">`, and W3C annotations are often inlined the same
 * way: their JSON escapes `<`, `>`, `&`, U+2028 and U+2029 while meaning exactly the same. The
 * Markdown report escapes every field it interpolates: no raw HTML, no link or image to anything
 * but a checked http(s) address, whatever the article's metadata, sources or claims say.
 */
import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { renderClaimReview } from '../../../../shared/interop/claimReview';
import { renderMarkdownReport } from '../../../../shared/interop/markdownReport';
import { renderWebAnnotations } from '../../../../shared/interop/webAnnotation';
import type { Project } from '../../../../shared/operations';
import { loadable } from '../../loadable';
import { approvedClaimOn, GENERATED_AT, textArticle } from './helpers';
import { createEmptyProject } from '../../../../shared/projectFile';

/** Ways out of a script element, an HTML attribute or a Markdown line, and JavaScript line breaks. */
export const BREAKOUT_PAYLOADS = [
  '</script><script>window.__pwned=(window.__pwned||0)+1</script>',
  '</SCRIPT ><img src=x onerror="window.__pwned++">',
  '<!--<script>',
  '<svg/onload=alert(1)>',
  '"><iframe srcdoc="<script>parent.__pwned++</script>">',
  'a\u2028b\u2029c',
  'Tom & Jerry &amp; &lt;b&gt;',
  '[click](javascript:alert(1))',
  '![pixel](https://tracker.example/p.gif)',
  '<javascript:alert(1)>',
  '[ref][x]\n\n[x]: javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '`code` **bold** | table | # heading',
  '\r<script>alert("cr")</script>',
  '\n\n<details open ontoggle=alert(1)>',
  '<style>body{background:url(https://tracker.example/x)}</style>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
];

/** A project with every payload in every free-text field a report shows. */
export function payloadProject(payload: string): Project {
  const article = textArticle('a1', `Title ${payload}`, [`Before the claim text. Claimed fact here. After.`], {
    byline: `By ${payload}`,
    publishedAt: payload,
    url: `javascript:alert(1)//${payload}`,
    siteName: payload,
  });
  const base = createEmptyProject({ id: 'p-breakout', title: `Project ${payload}`, createdAt: GENERATED_AT });
  return loadable({
    ...base,
    methodology: `Method ${payload}`,
    articles: [article],
    claims: [
      approvedClaimOn(article, 'c1', 'Claimed fact here', {
        statement: `Statement ${payload}`,
        claimant: `Claimant ${payload}`,
        tags: [payload],
        verdict: { levelId: 'false', rationale: `Rationale ${payload}`, conclusion: `Conclusion ${payload}` },
      }),
    ],
    sources: [
      { id: 's1', url: payload, title: `Source ${payload}`, publisher: payload, accessedAt: payload, author: payload },
      { id: 's2', url: `https://safe.example.org/${encodeURIComponent(payload)}`, title: payload, publisher: 'Ok', accessedAt: '2026-03-14' },
    ],
    links: [
      { id: 'l1', claimId: 'c1', sourceId: 's1', stance: 'refutes', excerpt: `Excerpt ${payload}`, location: payload },
      { id: 'l2', claimId: 'c1', sourceId: 's2', stance: 'supports', excerpt: payload },
    ],
  });
}

const RAW_BREAKERS = /[<>&\u2028\u2029]/;

describe('JSON exports embed safely', () => {
  it.each(BREAKOUT_PAYLOADS)('ClaimReview and W3C JSON escape < > & U+2028 U+2029 and mean the same (%j)', (payload) => {
    const project = payloadProject(payload);
    const options = { generatedAt: GENERATED_AT, url: 'https://checks.example.org/a', organisation: `Org ${payload}` };
    for (const text of [renderClaimReview(project, options).text, renderWebAnnotations(project, options)]) {
      expect(text).not.toMatch(RAW_BREAKERS);
      expect(text.toLowerCase()).not.toContain('</script');
      const data = JSON.stringify(JSON.parse(text));
      // Every field still holds the payload exactly.
      expect(data).toContain(JSON.stringify(`Claimant ${payload}`).slice(1, -1));
    }
  });
});

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

describe('Markdown report escapes every interpolated field', () => {
  it.each(BREAKOUT_PAYLOADS)('no raw HTML, no link or image but checked http(s), no definition (%j)', (payload) => {
    const markdown = renderMarkdownReport(payloadProject(payload), { generatedAt: GENERATED_AT });
    const tree = fromMarkdown(markdown) as MdNode;
    const problems: string[] = [];
    walk(tree, (node) => {
      if (node.type === 'html') problems.push(`raw HTML: ${node.value}`);
      if (node.type === 'image' || node.type === 'imageReference') problems.push(`image: ${node.url}`);
      if (node.type === 'definition' || node.type === 'linkReference') problems.push(`reference: ${node.url ?? ''}`);
      if (node.type === 'link' && !/^https?:\/\//i.test(node.url ?? '')) problems.push(`link to ${node.url}`);
    });
    expect(problems).toEqual([]);
  });

  it('shows the payload as text (escaped, not dropped)', () => {
    const markdown = renderMarkdownReport(payloadProject('<b>bold</b>'), { generatedAt: GENERATED_AT });
    const text: string[] = [];
    walk(fromMarkdown(markdown) as MdNode, (node) => {
      if (node.type === 'text') text.push(node.value ?? '');
    });
    expect(text.join(' ')).toContain('By <b>bold</b>');
    expect(text.join(' ')).toContain('published <b>bold</b>');
  });
});
