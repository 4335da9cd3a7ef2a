/**
 * Runs in the page (page.evaluate): Mark claim on a passage the user can see, as the scale benches
 * make it. The first 9 characters of a paragraph inside the reader's view are selected (the window
 * also renders paragraphs above and below it, which no one selects with the mouse; `arg` picks which),
 * then Mark claim is clicked. Returns the time from the click to the next painted frame (an animation
 * frame, then a task), in ms.
 */
export async function markPassageInView(arg: number): Promise<number> {
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  await nextFrame();
  const view = document.querySelector('.reader-body')!.closest('.reader')!.getBoundingClientRect();
  const blocks = [...document.querySelectorAll('.reader-body [data-block-index]')].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  });
  const text = blocks[(arg * 7 + 3) % blocks.length]!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 9);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  await nextFrame();
  const mark = [...document.querySelectorAll<HTMLButtonElement>('.reader-toolbar button')].find((b) => b.textContent?.trim() === 'Mark claim')!;
  const t0 = performance.now();
  mark.click();
  await nextFrame();
  return performance.now() - t0;
}
