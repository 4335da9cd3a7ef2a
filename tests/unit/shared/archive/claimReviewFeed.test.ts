import { describe, expect, it } from 'vitest';
import { parseFeedText, publishedKey, readClaimReviewFeed, verdictOfRating } from '../../../../shared/archive/claimReviewFeed';
import { publishedCheck, readEveryCheck } from './publishedChecks';

const review = (claim: string, extra: Record<string, unknown> = {}) => ({
  '@type': 'ClaimReview',
  claimReviewed: claim,
  url: 'https://checks.example/a',
  author: { '@type': 'Organization', name: 'Desk' },
  reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: '1', bestRating: 5, worstRating: 1 },
  ...extra,
});

describe('readClaimReviewFeed', () => {
  it('keeps the metadata of a ClaimReview: claim, rating, page, publisher, date, claim author and appearances', () => {
    const items = readEveryCheck(
      review('Taxes <b>doubled</b> &amp; more', {
        datePublished: '2024-02-03T10:00:00Z',
        reviewBody: 'A long article body that must not be kept',
        itemReviewed: { '@type': 'Claim', author: { name: 'Mayor Quill' }, appearance: [{ url: 'https://news.example/x' }, { url: 'javascript:alert(1)' }] },
      }),
    );
    expect(items).toEqual([
      publishedCheck('Taxes doubled & more', ['False', 1], {
        url: 'https://checks.example/a',
        publisher: 'Desk',
        datePublished: '2024-02-03',
        claimAuthor: 'Mayor Quill',
        appearances: ['https://news.example/x'],
      }),
    ]);
  });

  it('reads an array, a data feed, and a page @graph whose ClaimReview refers to nodes by @id', () => {
    expect(readClaimReviewFeed([review('A claim'), review('B claim')]).items).toHaveLength(2);
    const feed = { dataFeedElement: [{ item: [review('A claim')] }, { item: [review('B claim'), review('C claim')] }] };
    expect(readClaimReviewFeed(feed).items.map((i) => i.claimReviewed)).toEqual(['A claim', 'B claim', 'C claim']);
    const graph = {
      '@graph': [
        { '@type': 'WebPage', '@id': '#page' },
        { '@type': 'Organization', '@id': '#org', name: 'Graph Desk' },
        review('D claim', { author: { '@id': '#org' } }),
      ],
    };
    expect(readClaimReviewFeed(graph)).toEqual({ items: [expect.objectContaining({ claimReviewed: 'D claim', publisher: 'Graph Desk' })], invalid: 0 });
  });

  it('counts items without a claim or a rating, and non-objects, as invalid', () => {
    const { items, invalid } = readClaimReviewFeed([review('Fine'), { '@type': 'ClaimReview', url: 'https://x.example' }, review('No rating', { reviewRating: undefined }), 42]);
    expect(items.map((i) => i.claimReviewed)).toEqual(['Fine']);
    expect(invalid).toBe(3);
  });

  it('drops a fact-check page that is not http(s)', () => {
    expect(readClaimReviewFeed(review('A claim', { url: 'file:///etc/passwd' })).items[0]?.url).toBeUndefined();
  });
});

describe('feed helpers', () => {
  it('parses JSON and JSON Lines, and nothing else', () => {
    expect(parseFeedText('\uFEFF{"a":1}')).toEqual({ a: 1 });
    expect(parseFeedText('{"a":1}\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseFeedText('{"a":')).toBeNull();
  });

  it('gives a verdict in words, else value/best', () => {
    expect(verdictOfRating({ alternateName: 'Pants on fire' })).toBe('Pants on fire');
    expect(verdictOfRating({ ratingValue: 2, bestRating: 5 })).toBe('2/5');
  });

  it('treats the same page and claim, however spaced or cased, as a duplicate', () => {
    const a = { claimReviewed: 'Taxes doubled!', url: 'https://c.example/1' };
    expect(publishedKey(a)).toBe(publishedKey({ claimReviewed: 'taxes  DOUBLED', url: 'https://c.example/1' }));
    expect(publishedKey(a)).not.toBe(publishedKey({ claimReviewed: 'Taxes doubled!', url: 'https://c.example/2' }));
  });
});
