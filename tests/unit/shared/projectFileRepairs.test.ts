/**
 * Files made inconsistent outside the app are never silently accepted: each inconsistency is either
 * repaired on load, with the repair said in words (shown when the project opens), or reported with
 * the problem (by `factcheck validate` and on open).
 */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/anchoring';
import { checkInvariants } from '../../../shared/invariants';
import { parseProjectFile, serializeProject } from '../../../shared/projectFile';
import type { Project } from '../../../shared/operations';
import { sampleProject } from './helpers';
import { sha256Hex } from '../../../electron/services/intake/sha256';

type Raw = Record<string, any>;

function load(text: string) {
  const result = parseProjectFile(text, sha256Hex);
  if (result.ok) expect(checkInvariants(result.project, sha256Hex), 'what the loader accepts keeps every rule').toEqual([]);
  return result;
}

function edited(mutate: (raw: Raw) => void, project: Project = sampleProject()) {
  const raw = JSON.parse(serializeProject(project)) as Raw;
  mutate(raw);
  return load(JSON.stringify(raw));
}

function repaired(mutate: (raw: Raw) => void, project?: Project) {
  const result = edited(mutate, project);
  if (!result.ok) throw new Error(`expected a repair, the file was rejected: ${result.problem}`);
  expect(result.repairs, 'the repair is said in words').not.toEqual([]);
  return result;
}

function rejected(mutate: (raw: Raw) => void, project?: Project): string {
  const result = edited(mutate, project);
  if (result.ok) throw new Error(`expected the file to be rejected; accepted with repairs: ${JSON.stringify(result.repairs)}`);
  return result.problem;
}

/** The sample with an emoji in front of a1's text (so offsets can split a surrogate pair). */
function withEmoji(): Project {
  const p = sampleProject();
  const a1 = p.articles[0];
  const blocks = [{ type: 'paragraph' as const, text: '😀 The strikes have killed at least 75 people.' }, a1.blocks[1]];
  const text = blocks.map((b) => b.text).join('\n\n');
  const start = text.indexOf('at least 75');
  return {
    ...p,
    articles: [{ ...a1, blocks, text }, p.articles[1]],
    claims: p.claims.map((c) => (c.id === 'c1' ? { ...c, target: describeRange(text, start, start + 'at least 75 people'.length) } : c.id === 'c3' ? { ...c, target: describeRange(text, text.indexOf('halted'), text.indexOf('halted') + 27) } : c)),
  };
}

describe('inconsistent files: repaired on load and said', () => {
  it('re-anchors a claim whose quote is no longer at its offsets (the text was edited by hand)', () => {
    const result = repaired((raw) => {
      raw.articles[0].blocks[0].text = 'Breaking: the strikes have killed at least 75 people.';
      raw.articles[0].text = raw.articles[0].blocks.map((b: Raw) => b.text).join('\n\n');
    });
    const c1 = result.project.claims.find((c) => c.id === 'c1')!;
    const text = result.project.articles[0].text;
    expect(text.slice(c1.target.position.start, c1.target.position.end)).toBe('at least 75 people');
    expect(result.repairs.join('\n')).toMatch(/2 claims re-anchored after the file was edited outside the app/);
  });

  it('orphans a claim whose quote is nowhere in the text any more, keeping its old quote', () => {
    const result = repaired((raw) => (raw.claims[0].target.quote.exact = 'at least 99 balloons'));
    const c1 = result.project.claims.find((c) => c.id === 'c1')!;
    expect(c1.anchor).toMatchObject({ status: 'orphaned', oldQuote: 'at least 99 balloons' });
  });

  it('in texts of millions of characters, finds a claim by its exact words only: moved is found, changed wording goes to review', () => {
    const filler = 'Background paragraph with nothing to check in it. '.repeat(50_000);
    const long = (raw: Raw, lead: string) => {
      raw.articles[0].blocks[0].text = `${lead}${filler}The strikes have killed at least 75 people.`;
      raw.articles[0].text = raw.articles[0].blocks.map((b: Raw) => b.text).join('\n\n');
    };
    const moved = repaired((raw) => long(raw, 'Updated. '));
    const text = moved.project.articles[0].text;
    expect(text.length).toBeGreaterThan(2_000_000);
    const c1 = moved.project.claims.find((c) => c.id === 'c1')!;
    expect(c1.anchor?.status).toBe('moved');
    expect(text.slice(c1.target.position.start, c1.target.position.end)).toBe('at least 75 people');

    const reworded = repaired((raw) => {
      long(raw, '');
      raw.articles[0].text = raw.articles[0].text.replace('at least 75 people', 'at least 76 people');
      raw.articles[0].blocks[0].text = raw.articles[0].blocks[0].text.replace('at least 75 people', 'at least 76 people');
    });
    expect(reworded.project.claims.find((c) => c.id === 'c1')!.anchor).toMatchObject({ status: 'orphaned', oldQuote: 'at least 75 people' });
    // A quote of millions of characters (a file damaged by hand) is looked for as it is, not word by word.
    const huge = repaired((raw) => (raw.claims[0].target.quote.exact = 'x'.repeat(2_500_000)));
    expect(huge.project.claims.find((c) => c.id === 'c1')!.anchor?.status).toBe('orphaned');
  });

  it('leaves a claim still marked changed or orphaned on its old selectors, on purpose', () => {
    const result = edited((raw) => {
      raw.claims[0].target.quote.exact = 'at least 70 people';
      raw.claims[0].anchor = { status: 'orphaned', oldQuote: 'at least 70 people' };
    });
    expect(result.ok && result.repairs).toEqual([]);
  });

  it('snaps offsets that split a surrogate pair', () => {
    const result = repaired((raw) => {
      raw.claims[0].target.position = { start: 1, end: 5 };
      raw.claims[0].target.quote.exact = raw.articles[0].text.slice(1, 5);
    }, withEmoji());
    const c1 = result.project.claims.find((c) => c.id === 'c1')!;
    const { start, end } = c1.target.position;
    const text = result.project.articles[0].text;
    expect([start, end].every((i) => !(/[\uD800-\uDBFF]/.test(text[i - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[i] ?? '')))).toBe(true);
  });

  it('replaces lone surrogates in an article text (same length, offsets unchanged)', () => {
    const result = repaired((raw) => {
      raw.articles[1].blocks[1].text = 'Unemployment fell to 5 percent.\uD800';
      raw.articles[1].text = raw.articles[1].blocks.map((b: Raw) => b.text).join('\n\n');
    });
    expect(result.project.articles[1].text.endsWith('percent.\uFFFD')).toBe(true);
    expect(result.repairs.join('\n')).toMatch(/lone surrogate/i);
  });

  it('recomputes a text hash that does not match the text', () => {
    const result = repaired((raw) => (raw.articles[0].textSha256 = 'f'.repeat(64)));
    expect(result.project.articles[0].textSha256).not.toBe('f'.repeat(64));
    expect(result.repairs.join('\n')).toMatch(/hash/);
  });

  it('removes comments left on claims that are no longer in the project', () => {
    const result = repaired((raw) => (raw.comments = [{ id: 'm1', claimId: 'gone', author: 'A', at: '2026-01-01T00:00:00.000Z', text: 'x' }]));
    expect(result.project.comments ?? []).toEqual([]);
    expect(result.repairs.join('\n')).toMatch(/1 comment/);
  });

  it('sends an approved claim without a verdict back to review', () => {
    const result = repaired((raw) => (raw.claims[0].state = 'approved'));
    expect(result.project.claims[0].state).toBe('readyForReview');
    expect(result.repairs.join('\n')).toMatch(/approved without a verdict/);
  });

  it('clears (and flags) a verdict level that is not on the rating scale', () => {
    const result = repaired((raw) => (raw.claims[0].verdict.levelId = 'no-such-level'));
    expect(result.project.claims[0].verdict).toMatchObject({ levelId: null, previousLabel: 'no-such-level' });
  });

  it('re-anchors a proposed span that lies outside the text', () => {
    const result = repaired((raw) => {
      raw.claims[0].anchor = { status: 'changed', oldQuote: 'at least 75 people', proposed: { position: { start: 500, end: 520 }, quote: { exact: 'at least 75 people', prefix: '', suffix: '' } } };
    });
    const { proposed } = result.project.claims[0].anchor!;
    const text = result.project.articles[0].text;
    if (proposed) expect(text.slice(proposed.position.start, proposed.position.end)).toBe(proposed.quote.exact);
  });
});

describe('inconsistent files: reported with the problem', () => {
  it('a text that is not its blocks joined', () => {
    expect(rejected((raw) => (raw.articles[0].text = raw.articles[0].text.replace('strikes', 'raids')))).toMatch(/articles\[0\]\.text: .*blocks/);
  });

  it('two comments with the same id', () => {
    const comment = { id: 'm1', claimId: 'c1', author: 'A', at: '2026-01-01T00:00:00.000Z', text: 'x' };
    expect(rejected((raw) => (raw.comments = [comment, { ...comment, text: 'y' }]))).toMatch(/comments\[1\]\.id: the id "m1" is used twice/);
  });
});
