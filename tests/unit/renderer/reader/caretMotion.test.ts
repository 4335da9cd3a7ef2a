import { describe, expect, it } from 'vitest';
import { blockEndOf, blockStartOf, nextChar, nextWordEnd, previousChar, previousWordStart } from '../../../../renderer/src/reader/caretMotion';

describe('keyboard caret motion over the canonical text', () => {
  const text = 'The strikes have killed at least 75 people.\n\nPetro halted sharing.';

  it('steps by character without splitting a surrogate pair', () => {
    const emoji = 'a😀b';
    expect(nextChar(emoji, 1)).toBe(3);
    expect(previousChar(emoji, 3)).toBe(1);
    expect(nextChar(emoji, 4)).toBe(4);
    expect(previousChar(emoji, 0)).toBe(0);
  });

  it('selects "at least 75 people" exactly with four word steps from its start', () => {
    let caret = text.indexOf('at least');
    const anchor = caret;
    for (let i = 0; i < 4; i++) caret = nextWordEnd(text, caret);
    expect(text.slice(anchor, caret)).toBe('at least 75 people');
  });

  it('steps back to word starts, across the joint between blocks', () => {
    const petro = text.indexOf('Petro');
    expect(previousWordStart(text, petro)).toBe(text.indexOf('people'));
    expect(previousWordStart(text, text.indexOf('75') + 1)).toBe(text.indexOf('75'));
    expect(previousWordStart(text, 3)).toBe(0);
    expect(nextWordEnd(text, text.length - 1)).toBe(text.length);
  });

  it('finds words in any script and across its look-ahead window', () => {
    const arabic = 'قال الوزير إن 75 شخصا قتلوا';
    expect(arabic.slice(0, nextWordEnd(arabic, 0))).toBe('قال');
    const long = `${'x '.repeat(1500)}target word`;
    expect(long.slice(previousWordStart(long, long.length), long.length)).toBe('word');
    let caret = long.length - 'target word'.length - 1;
    caret = nextWordEnd(long, caret);
    expect(long.slice(0, caret).endsWith('target')).toBe(true);
  });

  it('goes to the start and end of the block', () => {
    const starts = [0, text.indexOf('Petro')];
    const lengths = [text.indexOf('\n'), text.length - starts[1]];
    const inSecond = text.indexOf('halted');
    expect(blockStartOf(starts, inSecond)).toBe(starts[1]);
    expect(blockEndOf(starts, lengths, inSecond)).toBe(text.length);
    expect(blockEndOf(starts, lengths, 3)).toBe(text.indexOf('\n'));
  });
});
