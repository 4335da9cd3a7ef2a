import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../shared/suggestions/sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps abbreviations, titles, initials and "No. 10" inside their sentence', () => {
    expect(texts('The U.S. economy grew. Dr. Smith disagreed. He lives at No. 10 Downing Street. John F. Kennedy won.')).toEqual([
      'The U.S. economy grew.',
      'Dr. Smith disagreed.',
      'He lives at No. 10 Downing Street.',
      'John F. Kennedy won.',
    ]);
    expect(texts('Mr. and Mrs. Jones met Gov. Brown on Jan. 6 at 10 a.m. in Washington, i.e. the capital.')).toHaveLength(1);
  });

  it('ends a sentence at an abbreviation when a new sentence clearly starts', () => {
    expect(texts('He moved to the U.S. Then he left. No. That was not it.')).toEqual(['He moved to the U.S.', 'Then he left.', 'No.', 'That was not it.']);
  });

  it('does not split decimals, percentages, prices or web addresses', () => {
    expect(texts('Unemployment fell to 3.5% from 4.1 percent. It cost $1.2 billion, see example.com for more.')).toEqual([
      'Unemployment fell to 3.5% from 4.1 percent.',
      'It cost $1.2 billion, see example.com for more.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split before a lower-case word', () => {
    expect(texts('He said, "It is over." Then he left. "Is it?" she asked. “Yes.” Fine.')).toEqual([
      'He said, "It is over."',
      'Then he left.',
      '"Is it?" she asked.',
      '“Yes.”',
      'Fine.',
    ]);
  });

  it('treats ellipses as an end only before a capital', () => {
    expect(texts('Then silence... and more. Wait… The end!')).toEqual(['Then silence... and more.', 'Wait…', 'The end!']);
  });

  it('always ends a sentence at a blank line (block boundary), even without punctuation', () => {
    expect(texts('A heading\n\nFirst paragraph. Second sentence\n\n  \nLast one.')).toEqual(['A heading', 'First paragraph.', 'Second sentence', 'Last one.']);
  });

  it('splits Arabic and Hebrew text with exact offsets', () => {
    const text = 'قال الوزير إن البطالة انخفضت إلى 3.5 بالمئة. هل هذا صحيح؟ نعم!\n\nהאבטלה ירדה ב-2020. זה נכון.';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['قال الوزير إن البطالة انخفضت إلى 3.5 بالمئة.', 'هل هذا صحيح؟', 'نعم!', 'האבטלה ירדה ב-2020.', 'זה נכון.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    // Right-to-left marks around the text do not shift the offsets.
    const marked = '\u200fجملة أولى.\u200f جملة ثانية.';
    for (const s of splitSentences(marked)) expect(marked.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits Chinese and Japanese full stops without spaces', () => {
    expect(texts('这是第一句。这是第二句！第三句？')).toEqual(['这是第一句。', '这是第二句！', '第三句？']);
  });

  it('never cuts a surrogate pair (emoji) and maps offsets back to the text', () => {
    const text = 'Prices rose 👋🏽. Next 🎉! Last one 𝟙𝟚.';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual(['Prices rose 👋🏽.', 'Next 🎉!', 'Last one 𝟙𝟚.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns trimmed, ordered, non-overlapping spans that map to the text for any input', () => {
    const pieces = fc.constantFrom('The U.S. ', 'Dr. ', 'No. 10 ', '3.5% ', 'he said. ', 'She left! ', '"Why?" ', 'مرحبا. ', '🎉 ', '\n\n', '\n', ' ', '… ', 'A. B. ', 'e.g. ', '。', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let previous = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(previous);
          expect(s.text).toBe(s.text.trim());
          expect(s.text).not.toContain('\n\n');
          previous = s.end;
        }
      }),
    );
  });
});
