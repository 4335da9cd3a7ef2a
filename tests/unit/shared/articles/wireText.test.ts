import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinBlocks } from '../../../../shared/articles/canonicalText';
import { packReply, unpackReply } from '../../../../shared/articles/wireText';
import { dispatchCall, openReply, type WorkbenchApi } from '../../../../shared/api';
import type { Article } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { makeArticle, meta, sampleProject } from '../helpers';

/** Sends a reply as the bindings do: packed, through JSON, unpacked. */
const overTheWire = (call: string, value: unknown) => {
  const wire = JSON.stringify(packReply(call, value));
  return { wire, received: unpackReply(call, JSON.parse(wire)) };
};

function projectWithHistory(): Project {
  const project = sampleProject();
  const long = makeArticle('a-long', 'Long', ['First paragraph of the long one.', 'Second, with “quotes” and\ttabs.', 'Third: émigré café 😀.']);
  const revised = { ...long, previousVersions: [{ importedAt: long.importedAt, format: long.format, metadata: long.metadata, blocks: [{ type: 'paragraph' as const, text: 'Old text.' }], text: 'Old text.', textSha256: long.textSha256 }] };
  project.articles.push(revised);
  const entries = [
    { ...meta(1), seq: 1, kind: 'do', op: { type: 'addArticle', article: long, index: 1 }, inverse: { type: 'removeArticle', articleId: long.id } },
    { ...meta(2), seq: 2, kind: 'do', op: { type: 'batch', ops: [{ type: 'removeArticle', articleId: long.id }] }, inverse: { type: 'batch', ops: [{ type: 'addArticle', article: long, index: 1 }] } },
  ] as unknown as Project['history'];
  project.history.push(...entries);
  return project;
}

describe('article texts on the wire', () => {
  it('a project reply arrives whole, with each article text sent once', () => {
    const project = projectWithHistory();
    const before = JSON.stringify(project);
    const { wire, received } = overTheWire('getOpenProject', { path: '/p.factcheck.json', project });
    expect(received).toEqual({ path: '/p.factcheck.json', project });
    // The sender's project is not changed, and no article's canonical text travels (the blocks carry it).
    expect(JSON.stringify(project)).toBe(before);
    const sent = JSON.parse(wire).project;
    for (const article of sent.articles) expect(article.text).toBeUndefined();
    expect(sent.articles.at(-1).previousVersions[0].text).toBeUndefined();
    expect(sent.history.at(-2).op.article.text).toBeUndefined();
    expect(sent.history.at(-1).inverse.ops[0].article.text).toBeUndefined();
  });

  it('an article whose stored text is not its blocks joined keeps its own text', () => {
    const project = sampleProject();
    const odd: Article = { ...makeArticle('a-odd', 'Odd', ['One.', 'Two.']), text: 'One.\nTwo.' };
    project.articles.push(odd);
    const { received } = overTheWire('openProject', { path: '/p', project });
    expect((received as { project: Project }).project.articles.find((a) => a.id === 'a-odd')!.text).toBe('One.\nTwo.');
  });

  it('merged copies, the change feed and imported articles are restored too; other replies pass unchanged', () => {
    const project = projectWithHistory();
    expect(overTheWire('mergeCopy', { added: 1, present: 0, conflicts: 0, problems: [], opened: { path: '/p', project } }).received).toEqual({ added: 1, present: 0, conflicts: 0, problems: [], opened: { path: '/p', project } });
    expect(overTheWire('waitForChanges', { seq: 3, projectId: project.id, project, sync: null }).received).toEqual({ seq: 3, projectId: project.id, project, sync: null });
    expect(overTheWire('waitForChanges', { seq: 3, projectId: project.id, sync: null }).received).toEqual({ seq: 3, projectId: project.id, sync: null });
    const { previousVersions: _p, id: _i, ...version } = project.articles.at(-1)!;
    const imported = overTheWire('importArticle', version);
    expect(imported.received).toEqual(version);
    expect(JSON.parse(imported.wire).text).toBeUndefined();
    expect(overTheWire('getOpenProject', null).received).toBeNull();
    expect(overTheWire('getSettings', { text: 'kept' }).received).toEqual({ text: 'kept' });
  });

  it('any blocks come back as exactly the text they join into', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const article = makeArticle('a-any', 'Any', texts);
        const project = { ...sampleProject(), articles: [article] };
        const { received } = overTheWire('getOpenProject', { path: '/p', project });
        expect((received as { project: Project }).project.articles[0]!.text).toBe(joinBlocks(article.blocks));
      }),
    );
  });

  it('dispatchCall sends the wire form and openReply restores it', async () => {
    const project = projectWithHistory();
    const api = { getOpenProject: async () => ({ path: '/p', project }) } as unknown as WorkbenchApi;
    const envelope = JSON.parse(JSON.stringify(await dispatchCall(api, 'getOpenProject', {})));
    expect(envelope.value.project.articles[0].text).toBeUndefined();
    expect(openReply('getOpenProject', envelope)).toEqual({ path: '/p', project });
  });
});
