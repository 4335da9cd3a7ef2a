import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../../../electron/services/intake/importArticle';
import { fromCodePointOffset } from '../../../../shared/anchoring/codePoints';
import { parseAnnotationFile, planImport } from '../../../../shared/interop/importAnnotations';
import { buildAnnotationCollection } from '../../../../shared/interop/webAnnotation';
import type { Article } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { createEmptyProject } from '../../../../shared/projectFile';
import { apply } from '../../../../shared/operations';
import { approvedClaimOn, fixedProject, GENERATED_AT, loadSample, textArticle } from './helpers';
import { sharedFixture } from '../../testPaths';

const ANNOTATIONS = sharedFixture('annotations');

function projectWith(article: Article): Project {
  return { ...createEmptyProject({ id: 'p-import', title: 'Import', createdAt: GENERATED_AT }), articles: [article] };
}

function articleFromFixture(relative: string): Article {
  const version = importArticle(path.basename(relative), new Uint8Array(readFileSync(path.join(ANNOTATIONS, relative))));
  return { ...version, id: 'a1', previousVersions: [] };
}

function runImport(project: Project, json: unknown) {
  let n = 0;
  const plan = planImport(project, parseAnnotationFile(json), { newId: (p) => `${p}-${++n}`, now: GENERATED_AT, author: 'Importer' });
  const after = plan.ops.reduce((p, op) => apply(p, op), project);
  return { plan, after };
}

const readJson = (relative: string) => JSON.parse(readFileSync(path.join(ANNOTATIONS, relative), 'utf8')) as unknown;

/** An exported collection with the review states an import gives: approved → ready for review, changes requested → researching. */
function withImportedStates<T>(collection: T): T {
  const imported: Record<string, string> = { approved: 'readyForReview', changesRequested: 'researching' };
  return JSON.parse(JSON.stringify(collection), (key, value: unknown) => (key === 'state' && typeof value === 'string' ? (imported[value] ?? value) : value)) as T;
}

describe('importing annotations', () => {
  it('anchors all five Recogito W3C annotations in the imported Odyssey page', () => {
    const project = projectWith(articleFromFixture('recogito/odyssey.html'));
    const json = readJson('recogito/annotations.w3c.json');
    const { plan, after } = runImport(project, json);
    console.log(`Recogito: ${plan.anchored} of ${plan.total} annotations anchored`);
    expect(plan.anchored).toBe(5);
    const text = after.articles[0]!.text;
    parseAnnotationFile(json).forEach((a, i) => {
      const exact = a.quote!.exact;
      const claim = after.claims[i]!;
      expect(text.slice(claim.target.position.start, claim.target.position.end)).toBe(exact);
      expect(claim.state).toBe('draft');
    });
  });

  it('anchors the Hypothesis annotations that are in the extracted article text', () => {
    const project = projectWith(articleFromFixture('hypothesis/wikipedia-regression-testing.html'));
    const { plan, after } = runImport(project, readJson('hypothesis/wikipedia-regression-testing.json'));
    console.log(`Hypothesis: ${plan.anchored} of ${plan.total} annotations anchored (${plan.unanchored.map((u) => u.reason).join('; ')})`);
    // The fifth one quotes the page footer ("last modified on 11 November 2016"), which article extraction drops.
    expect(plan.anchored).toBe(4);
    expect(plan.unanchored.map((u) => u.reason)).toEqual([expect.stringContaining('11 November 2016')]);
    for (const claim of after.claims) {
      expect(after.articles[0]!.text.slice(claim.target.position.start, claim.target.position.end)).toBe(claim.target.quote.exact);
    }
    const minimal = runImport(projectWith(articleFromFixture('hypothesis/minimal.html')), readJson('hypothesis/minimal.json'));
    expect(minimal.plan.anchored).toBe(1);
    expect(minimal.after.claims[0]!.target.quote.exact).toBe('Two');
  });

  it('export → import → export of our own annotations is identical, except that review steps are not imported', () => {
    const sample = loadSample();
    const first = buildAnnotationCollection(sample, { generatedAt: GENERATED_AT });
    const empty: Project = { ...sample, claims: [], sources: [], links: [] };
    const { plan, after } = runImport(empty, JSON.parse(JSON.stringify(first)));
    expect(plan.anchored).toBe(sample.claims.length);
    // An approval or a request for changes is a step taken in this workbench, by an editor: it comes back as work for review.
    expect(sample.claims.some((c) => c.state === 'approved')).toBe(true);
    expect(after.claims.map((c) => c.state)).not.toContain('approved');
    expect(after.claims.map((c) => c.state)).not.toContain('changesRequested');
    const second = buildAnnotationCollection(after, { generatedAt: GENERATED_AT });
    expect(second).toEqual(withImportedStates(first));
    expect(JSON.stringify(second)).toBe(JSON.stringify(withImportedStates(first)));
    // Importing the same file again adds nothing.
    const again = runImport(after, first);
    expect(again.plan.duplicates).toBe(sample.claims.length);
    expect(again.plan.ops).toEqual([]);
  });

  it('the round trip keeps tags, link locations and source library fields', () => {
    const project = fixedProject();
    project.links = project.links.filter((l) => l.sourceId !== 's3'); // a withheld source cannot come back
    const first = buildAnnotationCollection(project, { generatedAt: GENERATED_AT });
    const { plan, after } = runImport({ ...project, claims: [], sources: [], links: [] }, first);
    expect(plan.anchored).toBe(3);
    expect(after.claims[0]!.tags).toEqual(['budget', 'council']);
    expect(after.links[0]!.location).toBe('p. 4');
    expect(after.sources[0]!.kind).toBe('official');
    expect(buildAnnotationCollection(after, { generatedAt: GENERATED_AT })).toEqual(withImportedStates(first));
  });

  it('counts TextPositionSelector offsets in code points', () => {
    const article = textArticle('a1', 'Emoji', ['🎉🎉 The party had 300 guests.']);
    const project = { ...projectWith(article), claims: [approvedClaimOn(article, 'c1', '300 guests')] };
    const annotation = (buildAnnotationCollection(project).first as { items: Record<string, unknown>[] }).items[0]!;
    const position = (annotation.target as { selector: { type: string; start?: number; end?: number }[] }).selector[1]!;
    expect(position).toEqual({ type: 'TextPositionSelector', start: 17, end: 27 });
    expect(fromCodePointOffset(article.text, 17)).toBe(article.text.indexOf('300'));
  });

  it('says what is wrong with a file that holds no annotations', () => {
    expect(() => parseAnnotationFile({ hello: 1 })).toThrow(/no annotations/);
    expect(() => parseAnnotationFile('text')).toThrow(/not an annotation file/);
  });

  it('reports annotations whose quote is not in any article', () => {
    const article = textArticle('a1', 'T', ['Nothing to see here.']);
    const { plan } = runImport(projectWith(article), [
      { type: 'Annotation', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'absent words' } } },
    ]);
    expect(plan.anchored).toBe(0);
    expect(plan.unanchored).toHaveLength(1);
  });
});

describe('code point offsets for many claims', () => {
  it('agree with the anchoring helper at every offset', async () => {
    const { codePointOffsetIn } = await import('../../../../shared/interop/webAnnotation');
    const { toCodePointOffset } = await import('../../../../shared/anchoring/codePoints');
    for (const text of ['plain text', '🎉a🎉🎉 b 𝔘𝔫𝔦 c', '\uD800 lone \uDC00 surrogates 🎉', '']) {
      for (let i = 0; i <= text.length; i++) expect(codePointOffsetIn(text, i), `${JSON.stringify(text)} @${i}`).toBe(toCodePointOffset(text, i));
    }
  });
});
