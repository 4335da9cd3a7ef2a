/**
 * What the sanitizing walk (domToBlocks) does with each element, by its local name (lower case).
 * The text it keeps is what DOMPurify kept with the configuration this walk replaced (FORBID_TAGS
 * for everything that runs, loads, embeds or takes input; only alt, dir, lang, colspan, rowspan and
 * datetime attributes; KEEP_CONTENT), followed by the block rules:
 *
 * - drop: the element and everything in it — scripts and styles, templates, frames, media, SVG,
 *   MathML, the document head, what DOMPurify removes with its content (FORBID_CONTENTS), image
 *   maps and form controls.
 * - image: nothing but its alt text, as a caption block; never a URL (src, srcset, data: …).
 * - block / inline: the element's children are walked; a block starts and ends a run of text.
 * - Every other element, known or not — forms, objects, canvases, pictures, dialogs, custom
 *   elements — is walked through as inline: DOMPurify removed the element and kept its text.
 * No attribute is read but an image's alt, and nothing but text comes out.
 */

export type ElementRule = 'drop' | 'image' | 'lineBreak' | 'preformatted' | 'block' | 'inline';

const DROP = new Set([
  // Runs, styles or is inert markup whose text is not article text.
  'script', 'style', 'noscript', 'template', 'head', 'title', 'noembed', 'noframes', 'plaintext', 'xmp',
  // Loads or embeds another document or media.
  'iframe', 'audio', 'video',
  // Foreign content (and MathML / SVG parts that DOMPurify drops with their content outside it).
  'svg', 'math', 'annotation-xml', 'foreignobject', 'desc', 'mi', 'mn', 'mo', 'ms', 'mtext',
  'selectedcontent', 'colgroup', 'map', 'area',
  // Form controls: their labels and values are the page's interface, not article text (and linkedom
  // does not decode a textarea's character references).
  'button', 'input', 'select', 'option', 'optgroup', 'datalist', 'textarea',
]);

/** Elements that end the current run of inline text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

export function ruleOf(localName: string): ElementRule {
  if (BLOCK.has(localName)) return 'block';
  if (DROP.has(localName)) return 'drop';
  switch (localName) {
    case 'img':
      return 'image';
    case 'br':
      return 'lineBreak';
    case 'pre':
      return 'preformatted';
    default:
      return 'inline';
  }
}
