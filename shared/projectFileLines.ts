/**
 * Reading a project file in the layout serializeProjectParts writes: one top-level key per line and
 * one history entry per line. The history is most of a long-lived project's file; read this way,
 * each entry's text is parsed on its own (and kept, so the first save can write it back unchanged
 * instead of making it again), and the rest of the file is parsed without it. A text in any other
 * layout (edited by hand, written by another tool) is read whole, as JSON.parse reads it.
 */

const HISTORY_OPEN = '\n  "history": [\n';
const ITEM_INDENT = '    ';
const LIST_CLOSE = '\n  ]';

export interface HistoryLines {
  /** The file's text with the history's list emptied (`"history": []`). */
  rest: string;
  /** Each history entry's JSON text, in order. */
  entries: string[];
}

/**
 * The history's entry texts and the rest of the file, or null when the text is not in the layout
 * (or mentions "history" anywhere else, which only JSON.parse of the whole text reads exactly).
 * Only where each text is found: whether it is valid JSON is the caller's question.
 */
export function splitHistoryLines(text: string): HistoryLines | null {
  const open = text.indexOf(HISTORY_OPEN);
  if (open < 0 || text.lastIndexOf('"history"', open) >= 0) return null;
  // Inside the list every line starts with the items' indent; the first one that does not closes it.
  const close = text.indexOf(LIST_CLOSE, open + HISTORY_OPEN.length - 1);
  if (close < 0 || text.indexOf('"history"', close) >= 0) return null;
  const entries: string[] = [];
  // Each line: the indent, the entry, and a comma unless it is the last.
  for (let start = open + HISTORY_OPEN.length; ; ) {
    const end = text.indexOf('\n', start);
    if (end < 0 || end > close) return null;
    const last = end === close;
    if (!text.startsWith(ITEM_INDENT, start) || text.charCodeAt(start + ITEM_INDENT.length) === 0x20) return null;
    if (!last && text.charCodeAt(end - 1) !== 0x2c) return null;
    entries.push(text.slice(start + ITEM_INDENT.length, last ? end : end - 1));
    if (last) break;
    start = end + 1;
  }
  const listStart = open + '\n  "history": '.length;
  return { rest: `${text.slice(0, listStart)}[]${text.slice(close + LIST_CLOSE.length)}`, entries };
}
