/**
 * The HTML report in a frame that runs nothing (sandbox without allow-scripts). A srcdoc frame lives
 * under the app's content security policy, which refuses inline styles; the report's <style> is
 * taken out and applied as a constructed stylesheet (CSSOM), which that policy allows.
 */
import { useMemo, useRef } from 'react';

/** The report without its <style> elements, and their CSS. */
export function splitReportStyle(html: string): { html: string; css: string } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const styles = [...doc.querySelectorAll('style')];
  const css = styles.map((s) => s.textContent ?? '').join('\n');
  for (const style of styles) style.remove();
  return { html: `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`, css };
}

export function ReportPreview({ html }: { html: string }) {
  const split = useMemo(() => splitReportStyle(html), [html]);
  const frame = useRef<HTMLIFrameElement>(null);
  const applyStyle = () => {
    const doc = frame.current?.contentDocument;
    const view = doc?.defaultView as (Window & typeof globalThis) | null | undefined;
    if (!doc || !view) return;
    // The sheet must be made by the frame's own document to be adopted there.
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(split.css);
    doc.adoptedStyleSheets = [sheet];
  };
  return (
    <iframe
      ref={frame}
      title="Report preview"
      className="export-preview-frame"
      sandbox="allow-same-origin"
      srcDoc={split.html}
      onLoad={applyStyle}
    />
  );
}
