import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../testPaths';
import { anchor, describeRange, MIN_CONTEXT } from '../../../../shared/anchoring';
import { ClaimTargetSchema } from '../../../../shared/model';

const article = readFileSync(sharedFixture('articles', 'petro-intel-sharing.txt'), 'utf8');
const PHRASE = 'at least 75 people';
/** No lone surrogate halves. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function spanOf(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`missing ${phrase}`);
  return { start, end: start + phrase.length };
}

describe('describeRange on the real article', () => {
  const { start, end } = spanOf(article, PHRASE);
  const target = describeRange(article, start, end);

  it('records position, quote and enough context', () => {
    expect(target.position).toEqual({ start, end });
    expect(target.quote.exact).toBe(PHRASE);
    expect(article.slice(start - target.quote.prefix.length, start)).toBe(target.quote.prefix);
    expect(article.slice(end, end + target.quote.suffix.length)).toBe(target.quote.suffix);
    expect(target.quote.prefix.length).toBeGreaterThanOrEqual(MIN_CONTEXT);
    expect(target.quote.suffix.length).toBeGreaterThanOrEqual(1);
    // the prefix reaches back to the start of the sentence
    expect(target.quote.prefix.startsWith('The Colombian leader also shared')).toBe(true);
    // the suffix reaches at least 32 characters (the sentence ends right after the phrase)
    expect(target.quote.suffix.length).toBeGreaterThanOrEqual(MIN_CONTEXT);
  });

  it('survives a JSON round trip and anchors exactly', () => {
    const back = ClaimTargetSchema.parse(JSON.parse(JSON.stringify(target)));
    expect(back).toEqual(target);
    expect(anchor(article, back)).toEqual({ status: 'exact', start, end });
  });

  it('finds the span again after a paragraph is inserted at the top', () => {
    const inserted = 'Editor’s note: this article was updated with new figures.\n\n';
    const changed = inserted + article;
    const result = anchor(changed, target);
    expect(result).toEqual({ status: 'moved', start: start + inserted.length, end: end + inserted.length });
    expect(changed.slice(result.start, result.end)).toBe(PHRASE);
  });

  it('is changed (number) when a figure in the quote changes, orphaned when the passage is gone', () => {
    expect(anchor(article.replace(PHRASE, 'at least 80 people'), target)).toMatchObject({ status: 'changed', changes: ['number'], found: 'at least 80 people' });
    const sentence = article.slice(start - target.quote.prefix.length, end + 1);
    expect(anchor(article.replace(sentence, 'Nothing to see here.'), target)).toEqual({ status: 'orphaned' });
  });

  it('throws for an invalid range', () => {
    expect(() => describeRange(article, 10, 5)).toThrow(RangeError);
    expect(() => describeRange(article, -1, 5)).toThrow(RangeError);
    expect(() => describeRange(article, 0, article.length + 1)).toThrow(RangeError);
  });
});

describe('repeated phrases', () => {
  const para = (n: number) => `Paragraph ${n} talks about unrelated matters in some detail, with filler words.`;
  const text = [
    'Officials said the strikes killed 75 people in September.',
    para(1),
    'Critics said the strikes killed 75 people without any trial, a claim the government denies.',
    para(2),
  ].join('\n\n');

  it('extends the context until the quote is unique', () => {
    const repeated = ['The same sentence.', 'x'.repeat(10), 'The same sentence.', 'y'.repeat(10), 'The same sentence.'].join(' ');
    const { start, end } = spanOf(repeated, 'same', 30);
    const target = describeRange(repeated, start, end);
    const whole = target.quote.prefix + target.quote.exact + target.quote.suffix;
    expect(repeated.split(whole).length - 1).toBe(1);
  });

  it('resolves the second occurrence by its context after the text moves', () => {
    const second = spanOf(text, 'killed 75 people', text.indexOf('Critics'));
    const target = describeRange(text, second.start, second.end);
    const edited = 'A new opening paragraph was added by the editors.\n\n' + text.replace(para(1), 'Short.');
    const result = anchor(edited, target);
    expect(result.status).toBe('moved');
    expect(result.start).toBe(edited.indexOf('killed 75 people', edited.indexOf('Critics')));
    // and the first occurrence resolves to the first
    const first = describeRange(text, spanOf(text, 'killed 75 people').start, spanOf(text, 'killed 75 people').end);
    expect(anchor(edited, first)).toMatchObject({ status: 'moved', start: edited.indexOf('killed 75 people') });
  });

  it('is orphaned when two occurrences agree equally with the context', () => {
    const twice = 'Alpha beta gamma. The claim is here. Delta.\n\nAlpha beta gamma. The claim is here. Delta.';
    const target = {
      position: { start: 500, end: 510 },
      quote: { exact: 'claim', prefix: 'Alpha beta gamma. The ', suffix: ' is here. Delta.' },
    };
    expect(anchor(twice, target)).toEqual({ status: 'orphaned' });
  });

  it('does not trust a lone short quote whose context is entirely different', () => {
    const target = describeRange(text, spanOf(text, '75').start, spanOf(text, '75').end);
    const rewritten = 'Nothing here matches.\n\nExcept 75 appears once in a new sentence.';
    expect(anchor(rewritten, target)).toEqual({ status: 'orphaned' });
  });
});

describe('UTF-16 offsets', () => {
  const text = 'Reactions 😀😀 poured in. The minister said 😀 inflation is 3 percent. More 😀 later.';

  it('keeps offsets in UTF-16 code units and never splits a surrogate pair', () => {
    const { start, end } = spanOf(text, 'inflation is 3 percent');
    const target = describeRange(text, start, end);
    expect(target.position).toEqual({ start, end });
    expect(anchor(text, target)).toEqual({ status: 'exact', start, end });
    const emoji = text.indexOf('😀');
    const widened = describeRange(text, emoji + 1, emoji + 3);
    expect(widened.position).toEqual({ start: emoji, end: emoji + 4 });
    expect(widened.quote.exact).toBe('😀😀');
    for (const part of [widened.quote.prefix, widened.quote.suffix]) {
      expect(wellFormed(part)).toBe(true);
    }
  });

  it('keeps the context whole when its edge falls inside a pair', () => {
    const pairs = '😀'.repeat(40);
    const edgy = `${pairs}x. Word. y${pairs}`;
    const { start, end } = spanOf(edgy, 'Word');
    expect((start - MIN_CONTEXT) % 2).toBe(1); // the 32-unit prefix edge falls inside a pair…
    const target = describeRange(edgy, start, end);
    expect(target.quote.prefix.length).toBe(MIN_CONTEXT + 1); // …so the prefix takes the whole character
    expect(target.quote.suffix.length).toBe(MIN_CONTEXT + 1);
    expect(wellFormed(target.quote.prefix)).toBe(true);
    expect(wellFormed(target.quote.suffix)).toBe(true);
    expect(anchor('Intro. ' + edgy, target)).toEqual({ status: 'moved', start: start + 7, end: end + 7 });
  });
});

describe('a quote or context of hundreds of thousands of characters (a damaged file)', () => {
  const passage = Array.from({ length: 30_000 }, (_, i) => `word${i}`).join(' ');
  const text = `Opening line. ${passage} Closing line.`;
  const target = describeRange(text, text.indexOf(passage), text.indexOf(passage) + passage.length);

  it('is found word for word where it moved', () => {
    const moved = `A new first sentence. ${text}`;
    expect(anchor(moved, target)).toEqual({ status: 'moved', start: moved.indexOf(passage), end: moved.indexOf(passage) + passage.length });
  });

  it('is not followed through changed wording (that would take seconds): the claim goes to review', () => {
    const reworded = text.replace('word15000 ', 'changed ');
    expect(anchor(reworded, target).status).toBe('orphaned');
    // The same edit in an ordinary claim is followed.
    const short = describeRange(text, text.indexOf('word14990'), text.indexOf('word15010'));
    expect(anchor(reworded, short).status).toBe('changed');
  });

  it('with a recorded prefix of millions of characters, is still found at its place', () => {
    const huge = { ...target, quote: { ...target.quote, prefix: 'x'.repeat(3_000_000) } };
    expect(anchor(text, huge).status).toBe('exact');
  });
});
