/**
 * Markdown (a rationale, a comment, the methodology note) shown rendered. The renderer is a chunk of
 * its own (react-markdown and its parser are not needed for the first paint); until it has loaded,
 * the text itself stands in its place, in the same box and type.
 */
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyBoundary } from '../lazy/LazyBoundary';

export const LazyMarkdownBody = lazyComponent(() => import('./MarkdownBody').then((module) => module.MarkdownBody));

export function RationalePreview({ markdown }: { markdown: string }) {
  return (
    <LazyBoundary
      what="The Markdown preview"
      fallback={
        <div className="markdown-preview markdown-loading" aria-busy="true">
          {markdown}
        </div>
      }
    >
      <LazyMarkdownBody markdown={markdown} />
    </LazyBoundary>
  );
}
