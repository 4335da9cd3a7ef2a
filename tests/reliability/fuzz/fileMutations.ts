/**
 * Mutations of a project file, as damage on disk and hand edits make them: byte flips, truncation,
 * values of the wrong type, duplicate and dangling ids, offsets, broken surrogates, huge strings,
 * deep nesting, `__proto__` keys, a text edited by hand, a history out of order. Each takes the file
 * (text or parsed JSON) and fast-check's in-property generator `g`, and returns the damaged file's bytes.
 */
import fc from 'fast-check';
import type { Project } from '../../../shared/operations';
import { hostileValue, mutateJson } from '../../unit/shared/operations/hostile';

type Gen = fc.GeneratorValue;
type Raw = Record<string, any>;

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })]!;
const int = (g: Gen, min: number, max: number) => g(fc.integer, { min, max });
const encoder = new TextEncoder();

export interface MutationOptions {
  /** Largest string a mutation may write (the long run goes to 40 MB; the short one stays small). */
  hugeChars: number;
}

/** A mutation of the file's bytes, or of its JSON (which is then written back as text). */
type Mutation =
  | { kind: 'bytes'; name: string; run: (bytes: Uint8Array, g: Gen) => Uint8Array }
  | { kind: 'json'; name: string; run: (raw: Raw, g: Gen, project: Project, options: MutationOptions) => Raw | void };

const lists = ['articles', 'claims', 'sources', 'links', 'comments'] as const;

function someItem(raw: Raw, g: Gen, list: string): Raw | undefined {
  // An earlier mutation may have put a wrong type in the list: only objects can be mutated further.
  const items = Array.isArray(raw[list]) ? (raw[list] as unknown[]).filter((item): item is Raw => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
  return items.length ? pick(g, items) : undefined;
}

function anyClaim(raw: Raw, g: Gen): Raw | undefined {
  return someItem(raw, g, 'claims');
}

function articleOf(raw: Raw, claim: Raw): Raw | undefined {
  // An earlier mutation may have turned the list into something else.
  if (!Array.isArray(raw.articles)) return undefined;
  return (raw.articles as unknown[]).find((a): a is Raw => typeof a === 'object' && a !== null && (a as Raw).id === claim.articleId);
}

/** Every string field of the JSON, by path (bounded). */
function stringPaths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 2000 || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)) {
    if (typeof child === 'string') out.push([...prefix, key]);
    else stringPaths(child, [...prefix, key], out);
  }
  return out;
}

function setAt(raw: Raw, path: (string | number)[], value: unknown): void {
  let parent: any = raw;
  for (const key of path.slice(0, -1)) parent = parent[key];
  parent[path[path.length - 1]!] = value;
}

export const MUTATIONS: Mutation[] = [
  {
    kind: 'bytes',
    name: 'byte flips',
    run: (bytes, g) => {
      const out = bytes.slice();
      for (let n = int(g, 1, 8); n > 0 && out.length; n--) out[int(g, 0, out.length - 1)]! ^= int(g, 1, 255);
      return out;
    },
  },
  { kind: 'bytes', name: 'truncation', run: (bytes, g) => bytes.slice(0, int(g, 0, Math.max(0, bytes.length - 1))) },
  {
    kind: 'bytes',
    name: '__proto__ key inserted',
    run: (bytes, g) => {
      const text = new TextDecoder().decode(bytes);
      const braces = [...text.matchAll(/\{/g)].map((m) => m.index!);
      if (braces.length === 0) return bytes;
      const at = pick(g, braces) + 1;
      const key = pick(g, ['"__proto__": {"polluted": "yes"},', '"constructor": {"prototype": {"polluted": "yes"}},', '"__proto__": null,']);
      return encoder.encode(text.slice(0, at) + key + text.slice(at));
    },
  },
  {
    kind: 'bytes',
    name: 'deep nesting',
    run: (bytes, g) => {
      const text = new TextDecoder().decode(bytes);
      const colons = [...text.matchAll(/": /g)].map((m) => m.index! + 3);
      if (colons.length === 0) return bytes;
      const at = pick(g, colons);
      const depth = int(g, 100, 50_000);
      const open = g(fc.boolean) ? '[' : '{"a":';
      const close = open === '[' ? ']' : '}';
      const end = text.indexOf('\n', at);
      return encoder.encode(`${text.slice(0, at)}${open.repeat(depth)}1${close.repeat(depth)}${text.slice(end).replace(/^[^,\n]*/, '')}`);
    },
  },
  { kind: 'json', name: 'wrong type or value', run: (raw, g, project) => mutateJson(raw, project, g) },
  {
    kind: 'json',
    name: 'duplicate id',
    run: (raw, g) => {
      const list = pick(g, [...lists, 'levels']);
      const items = list === 'levels' ? raw.ratingScale?.levels : raw[list];
      if (Array.isArray(items) && items.length) items.push(JSON.parse(JSON.stringify(pick(g, items))));
    },
  },
  {
    kind: 'json',
    name: 'dangling id',
    run: (raw, g, project) => {
      const target = pick(g, ['claim.articleId', 'link.claimId', 'link.sourceId', 'comment.claimId', 'verdict.levelId', 'comment.new']);
      const gone = pick(g, ['gone', '', String(hostileValue(project, g))]);
      if (target === 'claim.articleId') (anyClaim(raw, g) ?? {}).articleId = gone;
      else if (target === 'link.claimId') (someItem(raw, g, 'links') ?? {}).claimId = gone;
      else if (target === 'link.sourceId') (someItem(raw, g, 'links') ?? {}).sourceId = gone;
      else if (target === 'comment.claimId') (someItem(raw, g, 'comments') ?? {}).claimId = gone;
      else if (target === 'verdict.levelId') {
        const claim = anyClaim(raw, g);
        if (claim?.verdict) claim.verdict.levelId = gone;
      } else (raw.comments ??= []).push({ id: `m-${int(g, 0, 1e6)}`, claimId: gone, author: 'x', at: '2026-01-01', text: 'x' });
    },
  },
  {
    kind: 'json',
    name: 'offsets',
    run: (raw, g) => {
      const claim = anyClaim(raw, g);
      if (!claim?.target?.position) return;
      const length = String(articleOf(raw, claim)?.text ?? '').length;
      const at = () => pick(g, [0, 1, -1, length, length + 1, int(g, 0, Math.max(0, length)), 2 ** 31, 1.5]);
      const where = g(fc.boolean) || !claim.anchor?.proposed ? claim.target.position : claim.anchor.proposed.position;
      if (g(fc.boolean)) where.start = at();
      else where.end = at();
      if (g(fc.boolean)) claim.anchor = pick(g, [undefined, { status: 'exact' }, { status: 'orphaned' }, { status: 'changed', decision: 'accepted' }]);
    },
  },
  {
    kind: 'json',
    name: 'surrogates',
    run: (raw, g) => {
      const article = someItem(raw, g, 'articles');
      if (!article || typeof article.text !== 'string') return;
      const broken = pick(g, ['\uD800', '\uDFFF', '😀', '😀'.slice(1)]);
      const at = int(g, 0, article.text.length);
      article.text = article.text.slice(0, at) + broken + article.text.slice(at);
      // Sometimes the blocks are edited the same way, so only the broken character is wrong.
      if (g(fc.boolean) && Array.isArray(article.blocks) && article.blocks.length) {
        let offset = at;
        for (const block of article.blocks) {
          if (typeof block?.text !== 'string') break;
          if (offset <= block.text.length) {
            block.text = block.text.slice(0, offset) + broken + block.text.slice(offset);
            break;
          }
          offset -= block.text.length + 2;
        }
      }
    },
  },
  {
    kind: 'json',
    name: 'text edited by hand',
    run: (raw, g) => {
      const article = someItem(raw, g, 'articles');
      if (!article || !Array.isArray(article.blocks) || !article.blocks.length) return;
      const block = pick(g, article.blocks);
      if (typeof block?.text !== 'string') return;
      const at = int(g, 0, block.text.length);
      block.text = pick(g, [`Edited. ${block.text}`, block.text.slice(0, at), `${block.text.slice(0, at)} inserted ${block.text.slice(at)}`]);
      // Usually the text follows its blocks (a careful hand edit); sometimes only the blocks change.
      if (g(fc.integer, { min: 0, max: 3 }) > 0) article.text = article.blocks.map((b: Raw) => b?.text).join('\n\n');
      if (g(fc.boolean)) article.textSha256 = '0'.repeat(64);
    },
  },
  {
    kind: 'json',
    name: 'huge string',
    run: (raw, g, _project, options) => {
      const paths = stringPaths(raw);
      if (!paths.length) return;
      const size = pick(g, [501, 2_001, 10_001, 1_000_001, options.hugeChars]);
      setAt(raw, pick(g, paths), pick(g, ['x', 'ab ', '😀']).repeat(Math.max(1, Math.ceil(Math.min(size, options.hugeChars) / 2))));
    },
  },
  {
    kind: 'json',
    name: 'history out of order',
    run: (raw, g) => {
      const history = raw.history;
      if (!Array.isArray(history) || history.length === 0) return;
      const i = int(g, 0, history.length - 1);
      const choice = int(g, 0, 3);
      if (choice === 0) history.splice(i, 1);
      else if (choice === 1) history[i].seq = int(g, 0, history.length + 3);
      else if (choice === 2) history[i].kind = pick(g, ['undo', 'redo', 'do']);
      else history.push(JSON.parse(JSON.stringify(history[i])));
    },
  },
  {
    kind: 'json',
    name: 'approved without a verdict',
    run: (raw, g) => {
      const claim = anyClaim(raw, g);
      if (claim) {
        claim.state = 'approved';
        if (claim.verdict && g(fc.boolean)) claim.verdict.levelId = null;
      }
    },
  },
];

/** The file's bytes after 1–3 random mutations, and their names. */
export function mutateFile(text: string, project: Project, g: Gen, options: MutationOptions): { bytes: Uint8Array; applied: string[] } {
  let bytes: Uint8Array = encoder.encode(text);
  const applied: string[] = [];
  for (let n = int(g, 1, 3); n > 0; n--) {
    const mutation = pick(g, MUTATIONS);
    applied.push(mutation.name);
    if (mutation.kind === 'bytes') {
      bytes = mutation.run(bytes, g);
      continue;
    }
    let raw: Raw;
    try {
      raw = JSON.parse(new TextDecoder().decode(bytes)) as Raw;
    } catch {
      continue; // already not JSON: a JSON-level mutation has nothing to work on
    }
    if (raw === null || typeof raw !== 'object') continue;
    try {
      const next = mutation.run(raw, g, project, options) ?? raw;
      bytes = encoder.encode(JSON.stringify(next, null, 2));
    } catch (err) {
      // Nested too deep for the harness to copy or write back as JSON: the bytes keep the earlier damage.
      if (err instanceof RangeError) continue;
      throw err;
    }
  }
  return { bytes, applied };
}
