/**
 * Metadata of a web page, read from the document before Readability changes it: meta tags
 * (Open Graph, article:*, Dublin Core, author), JSON-LD (NewsArticle, Article, BlogPosting,
 * ReportageNewsArticle… also inside @graph), <time datetime>, link rel=canonical / og:url, and the
 * html element's lang and dir. Every value is plain text; URLs must be absolute http(s).
 */
import type { ArticleMetadata } from '../../../../shared/model';
import { checkExternalUrl } from '../../../../shared/urlCheck';
import { cleanInline } from '../plainText';
import { parseDirAttribute } from '../direction';

export type PageMetadata = Partial<Omit<ArticleMetadata, 'wordCount' | 'fileName' | 'fileSha256'>>;

const ARTICLE_TYPES = /(?:^|\b)(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|Report|ScholarlyArticle|TechArticle|WebPage|LiveBlogPosting)$/;

/** The page's meta tags: name/property/itemprop (lower case) → first non-empty content. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const element of Array.from(document.getElementsByTagName('meta'))) {
    const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').trim().toLowerCase();
    if (!name || tags.has(name)) continue;
    const content = cleanInline(element.getAttribute('content') ?? '');
    if (content) tags.set(name, content);
  }
  return tags;
}

function first(tags: Map<string, string>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = tags.get(key);
    if (value) return value;
  }
  return undefined;
}

function absoluteUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const checked = checkExternalUrl(value.trim());
  return checked.ok ? checked.url : undefined;
}

type Json = Record<string, unknown>;

function jsonLdArticles(document: Document): Json[] {
  const found: Json[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!value || typeof value !== 'object') return;
    const object = value as Json;
    if (object['@graph']) collect(object['@graph']);
    const type = object['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) found.push(object);
  };
  for (const script of Array.from(document.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collect(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')));
    } catch {
      // A broken JSON-LD block is common on the web; ignore it.
    }
  }
  // Prefer real articles over WebPage.
  return found.sort((a, b) => Number(String(a['@type']).includes('WebPage')) - Number(String(b['@type']).includes('WebPage')));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanInline(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(text).filter(Boolean);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object') return text((value as Json).name);
  return undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export function readHtmlMetadata(document: Document): PageMetadata {
  const ld = jsonLdArticles(document);
  const tags = metaTags(document);
  const fromLd = (key: string) => ld.map((item) => text(item[key])).find(Boolean);
  const html = document.documentElement;
  const timeElement = Array.from(document.getElementsByTagName('time')).find((t) => t.hasAttribute('datetime'));
  const canonical = Array.from(document.getElementsByTagName('link')).find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const language = cleanInline(html?.getAttribute('lang') ?? '') || first(tags, 'og:locale', 'dc.language', 'language', 'content-language');

  const result: PageMetadata = {
    title: fromLd('headline') ?? first(tags, 'og:title', 'twitter:title', 'dc.title') ?? (cleanInline(document.title) || undefined),
    byline: fromLd('author') ?? first(tags, 'author', 'article:author', 'dc.creator', 'byl'),
    siteName: first(tags, 'og:site_name', 'application-name') ?? fromLd('publisher'),
    publishedAt: isoDate(fromLd('datePublished') ?? first(tags, 'article:published_time', 'og:published_time', 'datepublished', 'dc.date', 'date', 'pubdate') ?? timeElement?.getAttribute('datetime') ?? undefined),
    modifiedAt: isoDate(fromLd('dateModified') ?? first(tags, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified')),
    url: absoluteUrl(canonical?.getAttribute('href')) ?? absoluteUrl(first(tags, 'og:url')) ?? absoluteUrl(ld.map((item) => (typeof item.url === 'string' ? item.url : undefined)).find(Boolean)),
    language: language ? language.replace('_', '-') : undefined,
    direction: parseDirAttribute(html?.getAttribute('dir')) ?? parseDirAttribute(document.body?.getAttribute('dir')),
  };
  for (const key of Object.keys(result) as (keyof PageMetadata)[]) if (result[key] === undefined) delete result[key];
  return result;
}
