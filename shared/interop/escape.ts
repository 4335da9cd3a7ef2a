/** Escaping for the text exporters. Pure. */

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text so Markdown shows it literally (inline context). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/**
 * JSON text that can be pasted inside an HTML `<script>` element (JSON-LD) or a JavaScript string
 * without breaking out: `<`, `>`, `&` and the line separators U+2028 / U+2029 are written as
 * `\u003c`-style escapes. They occur only inside strings, so the JSON means exactly the same.
 */
export function jsonForEmbedding(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
