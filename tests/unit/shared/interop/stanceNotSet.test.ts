/** A source whose stance the checker has not set yet: exports list it without a stance and never invent one. */
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../shared/interop';
import type { Project } from '../../../../shared/operations';
import { reviewWarnings } from '../../../../shared/workflow/warnings';
import { fixedProject, GENERATED_AT } from './helpers';

function withoutStance(project: Project): Project {
  return { ...project, links: project.links.map((link, i) => (i === 0 ? { ...link, stance: undefined } : link)) };
}

describe('a link without a stance', () => {
  const project = withoutStance(fixedProject());
  const link = project.links[0];
  const source = project.sources.find((s) => s.id === link.sourceId)!;

  it('is listed in the HTML and Markdown reports without a stance label', () => {
    const html = renderExport(project, 'html', { generatedAt: GENERATED_AT }).text;
    const item = html.split('<li>').find((part) => part.includes(source.title))!;
    expect(item).toBeDefined();
    expect(item).not.toMatch(/class="stance/);
    const md = renderExport(project, 'md', { generatedAt: GENERATED_AT }).text;
    const line = md.split('\n').find((l) => l.startsWith('- ') && l.includes(source.title))!;
    expect(line).toBeDefined();
    expect(line).not.toMatch(/^- (Supports|Refutes|Adds context|Mixed):/);
    expect(md).not.toContain('undefined');
  });

  it('has no stance key in the W3C annotation export', () => {
    const w3c = JSON.parse(renderExport(project, 'w3c', { generatedAt: GENERATED_AT }).text) as unknown;
    const text = JSON.stringify(w3c);
    expect(text).toContain(`"id":"${link.id}"`);
    const found = JSON.stringify(w3c).match(new RegExp(`\\{"id":"${link.id}"[^}]*\\}`))![0];
    expect(found).not.toContain('stance');
  });

  it('is a review warning once the claim is up for review', () => {
    const claim = project.claims.find((c) => c.id === link.claimId)!;
    expect(reviewWarnings(project, { ...claim, state: 'readyForReview' }).map((w) => w.code)).toContain('stance-unset');
    expect(reviewWarnings(project, { ...claim, state: 'draft' }).map((w) => w.code)).not.toContain('stance-unset');
  });
});
