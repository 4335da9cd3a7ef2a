import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../testPaths';
import { anchor, classifyChanges, describeRange, reanchorAll } from '../../../../shared/anchoring';

const article = readFileSync(sharedFixture('articles', 'petro-intel-sharing.txt'), 'utf8');

function spanOf(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`missing ${phrase}`);
  return { start, end: start + phrase.length };
}
function claimOn(text: string, phrase: string, from = 0) {
  const { start, end } = spanOf(text, phrase, from);
  return describeRange(text, start, end);
}

const para = (n: number) => `Paragraph ${n} discusses the wider background of the dispute in some detail, with filler words.`;
const base = [
  'Strikes kill 75 people in Caribbean',
  'The strikes killed at least 75 people, officials said on Tuesday.',
  para(1),
  'The minister did not deny that the order came from the capital.',
  para(2),
  'Senator Maria Lopez said the navy acted alone in the operation.',
  para(3),
  'Observers said the strikes kill 75 people in Caribbean waters every year, a figure disputed by others.',
].join('\n\n');

describe('reanchorAll with hand-made revisions', () => {
  it('75 → 80 gives changed / number with the new wording', () => {
    const claim = claimOn(base, 'killed at least 75 people');
    const revised = base.replace('at least 75 people', 'at least 80 people');
    const [result] = reanchorAll(base, revised, [claim]);
    expect(result.status).toBe('changed');
    expect(result.changes).toEqual(['number']);
    expect(result.found).toBe('killed at least 80 people');
    expect(revised.slice(result.start, result.end)).toBe('killed at least 80 people');
    // the single-text anchor agrees
    expect(anchor(revised, claim)).toMatchObject({ status: 'changed', changes: ['number'], found: 'killed at least 80 people' });
  });

  it('a sentence moved to another paragraph and its number edited is changed / number at its new place', () => {
    const sentence = 'Engineers said zlib shrinks the payload down to a mere 39 kilobytes in the end.';
    const text = [para(1), `The tests ran twice. ${sentence}`, para(2), 'Observers doubted the figures.'].join('\n\n');
    const claim = claimOn(text, 'zlib shrinks the payload down to a mere 39 kilobytes');
    const revised = [para(1), 'The tests ran twice.', para(2), `Observers doubted the figures. ${sentence.replace('39', '47')}`].join('\n\n');
    const [result] = reanchorAll(text, revised, [claim]);
    expect(result).toMatchObject({ status: 'changed', changes: ['number'], found: 'zlib shrinks the payload down to a mere 47 kilobytes' });
    expect(revised.slice(result.start, result.end)).toBe('zlib shrinks the payload down to a mere 47 kilobytes');
  });

  it('a claim whose first sentence was deleted while its second moved is orphaned, not anchored to the words before the moved one', () => {
    const text = [para(1), 'The client may send the server details about slots. This nesting lets us craft a packet that is incredibly complex.', para(2), 'Our attack potential increased a lot.'].join('\n\n');
    const claim = claimOn(text, 'send the server details about slots. This nesting lets us craft a packet that is incredibly');
    const revised = [para(1), para(2), 'Our attack potential increased a lot. This nesting lets us craft a packet that is incredibly complex.'].join('\n\n');
    expect(reanchorAll(text, revised, [claim])[0]).toEqual({ status: 'orphaned' });
  });

  it('a deleted claim is not found in a like passage that moved, word for word or edited', () => {
    const text = [`Tunisia sends most foreign fighters to Syria, the report said.`, para(1), `Officials agreed. Tunisia sends most foreign fighters to Syria, they said.`, para(2)].join('\n\n');
    const second = text.lastIndexOf('Tunisia sends');
    const claim = describeRange(text, second, second + 'Tunisia sends most foreign fighters to Syria'.length);
    // The claim's paragraph goes; the first sentence moves to the end, as it was and edited.
    const moved = [para(1), para(2), `Tunisia sends most foreign fighters to Syria, the report said.`].join('\n\n');
    expect(reanchorAll(text, moved, [claim])[0]).toEqual({ status: 'orphaned' });
    const edited = [para(1), para(2), `Tunisia sends most foreign recruits to Syria, the report said.`].join('\n\n');
    expect(reanchorAll(text, edited, [claim])[0]).toEqual({ status: 'orphaned' });
  });

  it('a number edit at the end of a claim, with a sentence appended after it, changes only the claim', () => {
    const claim = claimOn(base, 'killed at least 75');
    const revised = base.replace('killed at least 75 people, officials said on Tuesday.', 'killed at least 80. Officials later revised several of their figures upward. People, officials said on Tuesday.');
    const [result] = reanchorAll(base, revised, [claim]);
    expect(result).toMatchObject({ status: 'changed', changes: ['number'], found: 'killed at least 80' });
  });

  it('a negation that moved within the claim is a negation change', () => {
    expect(classifyChanges('they do not yet have the scale', 'they do yet have not the scale')).toEqual(['negation']);
  });

  it('"dozens" → "hundreds" is a number change', () => {
    expect(classifyChanges('dozens of people were hurt', 'hundreds of people were hurt')).toEqual(['number']);
  });

  it('"did not deny" → "denied" gives changed / negation', () => {
    const claim = claimOn(base, 'The minister did not deny that the order came from the capital');
    const revised = base.replace('did not deny', 'denied');
    const [result] = reanchorAll(base, revised, [claim]);
    expect(result).toMatchObject({ status: 'changed', changes: ['negation'], found: 'The minister denied that the order came from the capital' });
    expect(anchor(revised, claim)).toMatchObject({ status: 'changed', changes: ['negation'] });
  });

  // A negation put in or taken out inside a claim turns its meaning around: never "moved", always changed / negation.
  it.each([
    ['the order came from the capital', 'the order never came from the capital'],
    ['the order came from the capital', 'the order came not from the capital'],
    ['there is evidence of the plan', 'there is no evidence of the plan'],
    ['there is no evidence of the plan', 'there is evidence of the plan'],
    ['they did know about the plan', "they didn't know about the plan"],
    ["they didn't know about the plan", 'they did know about the plan'],
    ['not deliberate, though. It is simply the fastest way', 'deliberate, though. It is simply the fastest way'],
    ['the plan is not working as intended', 'the plan is working as intended'],
    ['it was never approved by the board', 'it was approved by the board'],
  ])('negation edit inside a claim: "%s" → "%s" is changed / negation on the new words', (before, after) => {
    const text = [para(1), `The minister said that ${before} and left.`, para(2), para(3)].join('\n\n');
    const claim = claimOn(text, before);
    const revised = text.replace(before, after).replace('Paragraph 3 discusses', 'Paragraph 3 covers');
    const [result] = reanchorAll(text, revised, [claim]);
    expect(result).toMatchObject({ status: 'changed', found: after });
    expect(result.changes).toContain('negation');
    expect(revised.slice(result.start, result.end)).toBe(after);
    expect(anchor(revised, claim)).toMatchObject({ status: 'changed', found: after });
  });

  it('a claim whose words read as before, while the text elsewhere changed, is moved, not changed', () => {
    const text = [para(1), 'In this case it is not deliberate, though. It is simply the fastest way.', para(2)].join('\n\n');
    const claim = claimOn(text, 'not deliberate, though. It is simply the fastest way');
    const revised = ['A new opening paragraph.', para(1), 'In this case it is not deliberate, though. It is simply the fastest way.', para(2)].join('\n\n');
    const [result] = reanchorAll(text, revised, [claim]);
    expect(result.status).toBe('moved');
    expect(revised.slice(result.start, result.end)).toBe('not deliberate, though. It is simply the fastest way');
  });

  it('a changed name is flagged as a name change; other words as wording', () => {
    const claim = claimOn(base, 'Senator Maria Lopez said the navy acted alone');
    const named = base.replace('Maria Lopez', 'Maria Gomez');
    expect(reanchorAll(base, named, [claim])[0]).toMatchObject({ status: 'changed', changes: ['name'] });
    const worded = base.replace('acted alone', 'acted independently');
    expect(reanchorAll(base, worded, [claim])[0]).toMatchObject({ status: 'changed', changes: ['wording'] });
  });

  it('a deleted paragraph orphans every claim in it, keeps the others', () => {
    const p = 'The minister did not deny that the order came from the capital.';
    const claims = [claimOn(base, 'The minister did not deny'), claimOn(base, 'the order came from the capital'), claimOn(base, 'did not deny that'), claimOn(base, 'Senator Maria Lopez')];
    const revised = base.replace(p + '\n\n', '');
    const results = reanchorAll(base, revised, claims);
    expect(results.slice(0, 3).map((r) => r.status)).toEqual(['orphaned', 'orphaned', 'orphaned']);
    expect(results[0].start).toBeUndefined();
    expect(results[3]).toEqual({ status: 'moved', ...spanOf(revised, 'Senator Maria Lopez') });
  });

  it('a paragraph inserted above leaves all claims moved with the same text', () => {
    const phrases = ['killed at least 75 people', 'did not deny', 'Senator Maria Lopez said', 'a figure disputed by others'];
    const claims = phrases.map((phrase) => claimOn(base, phrase));
    const revised = 'An inserted paragraph with new reporting from the scene.\n\n' + base;
    const results = reanchorAll(base, revised, claims);
    results.forEach((result, i) => {
      expect(result.status).toBe('moved');
      expect(revised.slice(result.start, result.end)).toBe(phrases[i]);
    });
  });

  it('a claim repeated in headline and body stays on the right one', () => {
    const headline = claimOn(base, 'kill 75 people in Caribbean');
    const body = claimOn(base, 'kill 75 people in Caribbean', base.indexOf('Observers'));
    expect(headline.position.start).not.toBe(body.position.start);
    // text inserted between them, and the headline reworded: the body claim must not jump to the headline
    const revised = base.replace(para(2), para(2) + '\n\nA new paragraph.').replace('Strikes kill 75 people in Caribbean', 'Strikes kill 80 people in Caribbean');
    const [h, b] = reanchorAll(base, revised, [headline, body]);
    expect(b).toEqual({ status: 'moved', ...spanOf(revised, 'kill 75 people in Caribbean', revised.indexOf('Observers')) });
    expect(h).toMatchObject({ status: 'changed', start: 8, changes: ['number'] });
    // the body sentence deleted: the body claim is orphaned, never moved onto the headline copy
    const cut = base.replace(/Observers said[^\n]*/, 'Observers had other concerns.');
    const [h2, b2] = reanchorAll(base, cut, [headline, body]);
    expect(h2).toEqual({ status: 'exact', ...headline.position });
    expect(b2.status).toBe('orphaned');
  });

  it('a sentence moved to another paragraph is found as moved', () => {
    const sentence = 'Senator Maria Lopez said the navy acted alone in the operation.';
    const claim = claimOn(base, 'said the navy acted alone');
    const revised = base.replace(sentence + '\n\n', '').replace(para(3), para(3) + ' ' + sentence);
    const [result] = reanchorAll(base, revised, [claim]);
    expect(result).toEqual({ status: 'moved', ...spanOf(revised, 'said the navy acted alone') });
  });

  it('unchanged text anchors every claim exactly; accepts claims or { target }', () => {
    const claims = [claimOn(article, 'at least 75 people'), { target: claimOn(article, 'Gustavo Petro') }];
    expect(reanchorAll(article, article, claims).map((r) => r.status)).toEqual(['exact', 'exact']);
  });

  it('a rewritten sentence with nothing in common is orphaned, not matched to a look-alike', () => {
    const claim = claimOn(base, 'The strikes killed at least 75 people');
    const revised = base.replace('The strikes killed at least 75 people, officials said on Tuesday.', 'Rescue teams searched the coast overnight for survivors.');
    expect(reanchorAll(base, revised, [claim])[0].status).toBe('orphaned');
    expect(anchor(revised, claim).status).toBe('orphaned');
  });

  it('unicode before and inside claims round-trips (emoji, combining accents, nbsp, RTL)', () => {
    const text = 'Intro 😀 cafe\u0301 said.\n\nThe mayor said\u00a0“מחיר 😀 העלייה” rose by 5 percent in Zu\u0308rich.\n\nEnd.';
    const claim = claimOn(text, '“מחיר 😀 העלייה” rose by 5 percent in Zu\u0308rich');
    const revised = '👍🏽 New first line.\n\n' + text.replace('5 percent', '7 percent');
    const [result] = reanchorAll(text, revised, [claim]);
    expect(result).toMatchObject({ status: 'changed', changes: ['number'], found: '“מחיר 😀 העלייה” rose by 7 percent in Zu\u0308rich' });
    const moved = reanchorAll(text, '👍🏽 New first line.\n\n' + text, [claim])[0];
    expect(moved.status).toBe('moved');
  });
});
