/**
 * The ::highlight() rules, written only for the highlights in use.
 *
 * Chromium works out the style of every highlight that has a ::highlight() rule for every element it
 * styles, whether that highlight holds a range or not. With the 23 claim rules of a six-level scale, a
 * restyle of the whole workbench (opening a project: 765 elements) took 32–54 ms against 8–12 ms
 * without them, and every element a change adds or alters costs more to style.
 *
 * So a rule is written when its highlight first draws something and stays for the session (taking a
 * rule out again would restyle every element a second time). A reader asks for the rules an article
 * will need before the page is first laid out (useInsertionEffect), so opening styles the page once.
 * One constructed stylesheet: CSSOM, which the CSP's style-src 'self' allows (an injected <style> it refuses).
 */

/** The declarations of each highlight that has a style, by highlight name. */
const definitions = new Map<string, string>();
/** The names whose rule is in the sheet (in the order they were first wanted). */
const wanted = new Set<string>();
let sheet: CSSStyleSheet | null = null;
let writtenCss = '';

/** Sets how a highlight looks (written to the page only once the highlight is in use). */
export function defineHighlightStyle(name: string, declarations: string): void {
  if (definitions.get(name) === declarations) return;
  definitions.set(name, declarations);
  if (wanted.has(name)) write();
}

/** Makes sure the rules of these highlights are in the page (one write for all that were missing); true when it wrote. */
export function ensureHighlightStyles(names: Iterable<string>): boolean {
  let added = false;
  for (const name of names) {
    if (wanted.has(name) || !definitions.has(name)) continue;
    wanted.add(name);
    added = true;
  }
  if (added) write();
  return added;
}

/** The rules in the page now, as CSS text (for tests). */
export function writtenHighlightStyles(): string {
  return writtenCss;
}

function write(): void {
  const css = [...wanted].map((name) => `::highlight(${name}) { ${definitions.get(name)} }`).join('\n');
  if (css === writtenCss) return;
  writtenCss = css;
  if (typeof CSSStyleSheet === 'undefined' || typeof document === 'undefined') return;
  sheet ??= new CSSStyleSheet();
  sheet.replaceSync(css);
  if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
