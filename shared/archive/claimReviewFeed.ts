/**
 * Reads published fact-checks from schema.org ClaimReview JSON-LD in the shapes it comes in: one
 * object, an array, a page's `@graph` (with `@id` references to Claim or Organization nodes), a
 * DataFeed `{ dataFeedElement: [ { item: [ ClaimReview, … ] } ] }` (the public fact-check feeds) or
 * an ItemList. Keeps metadata only (the claim, the rating, the page, the publisher, dates, the
 * claim's author and where it appeared). An item that is not a usable ClaimReview is counted as
 * invalid; other typed nodes of a page's @graph (WebPage, Organization…) are left alone.
 */
import { checkExternalUrl } from '../urlCheck';
import type { PublishedFactCheck, PublishedRating } from './types';

export interface FeedReadResult {
  items: PublishedFactCheck[];
  /** Items that are not a ClaimReview with a claim and a rating. */
  invalid: number;
}

export const MAX_CLAIM_LENGTH = 2000;
const MAX_FIELD_LENGTH = 500;
const MAX_APPEARANCES = 10;
const MAX_DEPTH = 8;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Node): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''));
}

function isClaimReview(node: Node): boolean {
  const types = typesOf(node);
  return types.includes('ClaimReview') || (types.length === 0 && 'claimReviewed' in node);
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Text with its tags dropped and character references decoded. */
function decodeMarkup(value: string): string {
  return value.replace(/<[^>]*>/g, ' ').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Plain one-line text: markup dropped, spaces collapsed, length capped. */
function cleanText(value: unknown, max = MAX_FIELD_LENGTH): string | undefined {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  const decoded = value.includes('<') || value.includes('&') ? decodeMarkup(value) : value;
  const text = decoded.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const checked = checkExternalUrl(value);
  return checked.ok ? checked.url : undefined;
}

function first<T>(value: unknown, pick: (v: unknown) => T | undefined): T | undefined {
  for (const v of Array.isArray(value) ? value : [value]) {
    const picked = pick(v);
    if (picked !== undefined) return picked;
  }
  return undefined;
}

/** A date as YYYY-MM-DD when it starts with one; otherwise as written. */
export function shortDate(value: unknown): string | undefined {
  const text = cleanText(value, 40);
  if (!text) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  return iso ? iso[1] : text;
}

class FeedReader {
  readonly items: PublishedFactCheck[] = [];
  invalid = 0;
  private readonly ids = new Map<string, Node>();

  /** `@id` references resolved against the nodes of the @graph being read. */
  private resolve(value: unknown): unknown {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return this.ids.get(value['@id']) ?? value;
    }
    return value;
  }

  private nameOf(value: unknown): string | undefined {
    return first(value, (v) => {
      const node = this.resolve(v);
      if (typeof node === 'string') return cleanText(node);
      return isNode(node) ? cleanText(node.name) ?? cleanText(node.alternateName) : undefined;
    });
  }

  private urlsOf(value: unknown): string[] {
    const urls: string[] = [];
    for (const v of Array.isArray(value) ? value : [value]) {
      const node = this.resolve(v);
      const url = typeof node === 'string' ? webUrl(node) : isNode(node) ? webUrl(node.url) ?? webUrl(node['@id']) : undefined;
      if (url && !urls.includes(url)) urls.push(url);
      if (urls.length >= MAX_APPEARANCES) break;
    }
    return urls;
  }

  private rating(value: unknown): PublishedRating | undefined {
    const node = first(value, (v) => {
      const r = this.resolve(v);
      return isNode(r) ? r : undefined;
    });
    if (!node) return undefined;
    const rating: PublishedRating = {};
    const label = cleanText(node.alternateName, 200) ?? cleanText(node.name, 200);
    if (label) rating.alternateName = label;
    for (const key of ['ratingValue', 'bestRating', 'worstRating'] as const) {
      const n = toNumber(node[key]);
      if (n !== undefined) rating[key] = n;
    }
    return rating.alternateName !== undefined || rating.ratingValue !== undefined ? rating : undefined;
  }

  private claimReview(node: Node): PublishedFactCheck | undefined {
    const claimReviewed = cleanText(node.claimReviewed, MAX_CLAIM_LENGTH);
    const rating = this.rating(node.reviewRating);
    if (!claimReviewed || !rating) return undefined;
    const item: PublishedFactCheck = { claimReviewed, rating };
    const url = webUrl(node.url) ?? webUrl(node['@id']);
    if (url) item.url = url;
    const publisher = this.nameOf(node.author) ?? this.nameOf(node.publisher);
    if (publisher) item.publisher = publisher;
    const date = shortDate(node.datePublished);
    if (date) item.datePublished = date;
    const reviewed = first(node.itemReviewed, (v) => {
      const r = this.resolve(v);
      return isNode(r) ? r : undefined;
    });
    if (reviewed) {
      const author = this.nameOf(reviewed.author);
      if (author) item.claimAuthor = author;
      const appearances = this.urlsOf([
        ...(Array.isArray(reviewed.appearance) ? reviewed.appearance : reviewed.appearance ? [reviewed.appearance] : []),
        ...(reviewed.firstAppearance ? [reviewed.firstAppearance] : []),
      ]);
      if (appearances.length) item.appearances = appearances;
    }
    return item;
  }

  read(value: unknown, depth = 0, inGraph = false): void {
    if (depth > MAX_DEPTH) {
      this.invalid++;
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) this.read(v, depth + 1, inGraph);
      return;
    }
    if (!isNode(value)) {
      this.invalid++;
      return;
    }
    if (isClaimReview(value)) {
      const item = this.claimReview(value);
      if (item) this.items.push(item);
      else this.invalid++;
      return;
    }
    if (Array.isArray(value['@graph']) || isNode(value['@graph'])) {
      const graph = Array.isArray(value['@graph']) ? value['@graph'] : [value['@graph']];
      for (const n of graph) if (isNode(n) && typeof n['@id'] === 'string') this.ids.set(n['@id'], n);
      for (const n of graph) this.read(n, depth + 1, true);
      return;
    }
    for (const container of ['dataFeedElement', 'itemListElement', 'item'] as const) {
      if (value[container] !== undefined) {
        this.read(value[container], depth + 1, false);
        return;
      }
    }
    // A page's @graph also holds its WebPage, Organization, Claim… nodes: not items of the feed.
    if (inGraph && typesOf(value).length > 0) return;
    this.invalid++;
  }
}

/** The fact-checks in a parsed JSON-LD document or feed. */
export function readClaimReviewFeed(value: unknown): FeedReadResult {
  const reader = new FeedReader();
  reader.read(value);
  return { items: reader.items, invalid: reader.invalid };
}

/** Parses the text of a feed file: JSON, or JSON Lines (one document a line). Null when it is neither. */
export function parseFeedText(text: string): unknown | null {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch {
    const lines = body.split(/\r?\n/).filter((line) => line.trim());
    if (lines.length < 2) return null;
    try {
      return lines.map((line) => JSON.parse(line) as unknown);
    } catch {
      return null;
    }
  }
}

/** The verdict in words: the rating's label, else "value/best" ("2/5"). */
export function verdictOfRating(rating: PublishedRating): string {
  if (rating.alternateName) return rating.alternateName;
  if (rating.ratingValue === undefined) return '';
  return rating.bestRating !== undefined ? `${rating.ratingValue}/${rating.bestRating}` : String(rating.ratingValue);
}

/** What makes two published fact-checks duplicates: the same page and the same claim. */
export function publishedKey(item: Pick<PublishedFactCheck, 'url' | 'claimReviewed' | 'publisher'>): string {
  const claim = item.claimReviewed.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const where = item.url ?? `publisher:${(item.publisher ?? '').toLowerCase()}`;
  return `${where}\n${claim}`;
}
