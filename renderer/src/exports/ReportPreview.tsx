/**
 * The HTML report in a frame that runs nothing (sandbox without allow-scripts). A srcdoc frame lives
 * under the app's content security policy, which refuses inline styles; the report's <style> is
 * taken out and applied as a constructed stylesheet (CSSOM), which that policy allows.
 */
import { useMemo, useRef } from 'react';

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/**
 * The report without its <style> elements, and their CSS. Cut from the text, not parsed: a document
 * parsed here lives under the app's policy and reports its <style> as a violation. The report
 * escapes every text it carries, so "<style>" in it is only ever its own element.
 */
export function splitReportStyle(html: string): { html: string; css: string } {
  const css = [...html.matchAll(STYLE_ELEMENT)].map((m) => m[1]).join('\n');
  return { html: html.replace(STYLE_ELEMENT, ''), css };
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
