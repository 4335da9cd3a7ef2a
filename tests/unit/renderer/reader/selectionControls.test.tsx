// @vitest-environment jsdom
/**
 * Mark claim and the toolbar's hint follow the reader's selection by themselves: a selection that
 * changes renders them, not the component around them (the workspace, with all its claims).
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { MarkClaimButton, SelectionHint } from '../../../../renderer/src/reader/SelectionControls';
import { setReaderSelection } from '../../../../renderer/src/reader/readerSelection';
import { rootPerTest } from '../mountedRoot';

let renders = 0;
let marks = 0;
function Toolbar({ articleId }: { articleId: string | null }) {
  renders++;
  return (
    <div>
      <MarkClaimButton articleId={articleId} onMark={() => marks++} />
      <SelectionHint articleId={articleId} />
    </div>
  );
}

const mounted = rootPerTest();
const button = () => mounted.container.querySelector('button')!;
const hint = () => mounted.container.querySelector('.reader-toolbar-hint')!.textContent;

beforeEach(() => {
  renders = 0;
  marks = 0;
  act(() => setReaderSelection(null));
});

describe('the reader toolbar’s selection controls', () => {
  it('enable Mark claim and count the characters of a selection in the article shown, without rendering their parent', () => {
    act(() => mounted.root.render(<Toolbar articleId="a1" />));
    expect(button().textContent).toBe('Mark claim');
    expect(button().disabled).toBe(true);
    expect(hint()).toBe('Select a passage to mark it as a claim');
    const before = renders;

    act(() => setReaderSelection({ articleId: 'a1', start: 10, end: 42 }));
    expect(button().disabled).toBe(false);
    expect(hint()).toBe('32 characters selected');
    act(() => setReaderSelection({ articleId: 'a1', start: 10, end: 50 }));
    expect(hint()).toBe('40 characters selected');
    act(() => button().click());
    expect(marks).toBe(1);

    act(() => setReaderSelection(null));
    expect(button().disabled).toBe(true);
    expect(renders).toBe(before);
  });

  it('ignore a selection in another article', () => {
    act(() => mounted.root.render(<Toolbar articleId="a1" />));
    act(() => setReaderSelection({ articleId: 'a2', start: 0, end: 5 }));
    expect(button().disabled).toBe(true);
    expect(hint()).toBe('Select a passage to mark it as a claim');
  });

  it('say nothing with no article', () => {
    act(() => mounted.root.render(<Toolbar articleId={null} />));
    expect(button().disabled).toBe(true);
    expect(hint()).toBe('');
  });
});
