/**
 * A web page → blocks + metadata: the page is parsed with linkedom (no scripts, nothing loaded),
 * its metadata read, the main content extracted with Readability, then sanitized with DOMPurify
 * (on jsdom, see domWindow.ts) and walked into blocks. When Readability finds no article (a short
 * page, a pasted snippet), the whole sanitized body is used.
 */
import { Readability } from '@mozilla/readability';
import { cleanInline } from '../plainText';
import { UnreadableFile, type ReadResult } from '../readResult';
import { parsePage } from './domWindow';
import { domToBlocks } from './domToBlocks';
import { readHtmlMetadata } from './htmlMetadata';
import { sanitizeHtmlString } from './sanitize';
import { parseDirAttribute } from '../direction';

/**
 * Size limits beyond the file size (50 MB): the work grows with the number of elements, and
 * sanitizing on jsdom costs about 3 s per MB of article HTML. A bigger page is refused with a
 * message naming the limit, instead of tying up the import for minutes.
 */
export interface HtmlLimits {
  maxElements: number;
  maxArticleHtml: number;
}
export const HTML_LIMITS: HtmlLimits = { maxElements: 200_000, maxArticleHtml: 4 * 1024 * 1024 };

export function readHtml(html: string, limits: HtmlLimits = HTML_LIMITS): ReadResult {
  const document = parsePage(html);
  const elements = document.querySelectorAll('*').length;
  if (elements > limits.maxElements) {
    throw new UnreadableFile(
      `the page has ${elements.toLocaleString('en')} elements, more than the limit of ${limits.maxElements.toLocaleString('en')} for web pages. Save only the article (for example from the browser's reader view) and add that.`,
    );
  }
  const metadata = readHtmlMetadata(document);
  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document).parse();
  } catch {
    article = null; // Readability gave up on a strange page: fall back to the whole body below.
  }
  const tooLong = (length: number) => {
    if (length > limits.maxArticleHtml) {
      throw new UnreadableFile(`its article text is longer than the ${limits.maxArticleHtml / (1024 * 1024)} MB limit for web pages (as HTML). Save only the article and add that.`);
    }
  };
  if (article?.content) tooLong(article.content.length);
  let blocks = article?.content ? domToBlocks(sanitizeHtmlString(article.content)) : [];
  if (blocks.length === 0) {
    tooLong(html.length);
    blocks = domToBlocks(sanitizeHtmlString(html));
  }

  const title = cleanInline(article?.title ?? '');
  if (title) metadata.title = title;
  const byline = cleanInline(article?.byline ?? '');
  if (byline && !metadata.byline) metadata.byline = byline;
  const siteName = cleanInline(article?.siteName ?? '');
  if (siteName) metadata.siteName = siteName;
  if (!metadata.direction) {
    const dir = parseDirAttribute(article?.dir);
    if (dir) metadata.direction = dir;
  }
  if (!metadata.language && article?.lang) metadata.language = cleanInline(article.lang);
  return { blocks, metadata };
}

/** An HTML fragment (mammoth's output, clipboard HTML) → blocks, sanitized, without Readability. */
export function readHtmlFragment(html: string): ReadResult {
  return { blocks: domToBlocks(sanitizeHtmlString(html)), metadata: {} };
}
