import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveCommand, checkedBeforeCommand } from '../../../../electron/cli/archiveCommand';
import { run } from './cliIo';
import { runFactcheck } from '../../../support/runProcess';

const lastLine = (text: string) => text.trim().split('\n').at(-1);

/** Runs a verb in this process (the spawned binary is checked separately), with its output collected. */
async function inProcess(verb: typeof archiveCommand, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, out, err } = await run(verb, ...args);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function review(claim: string, slug: string, extra: Record<string, unknown> = {}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim,
    url: `https://checks.example/${slug}`,
    author: { '@type': 'Organization', name: 'Harbour Check' },
    datePublished: '2024-03-05',
    reviewRating: { '@type': 'Rating', alternateName: 'Mostly false', ratingValue: 2, bestRating: 5, worstRating: 1 },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Mayor Quill' }, appearance: [{ '@type': 'CreativeWork', url: 'https://news.example/a' }] },
    ...extra,
  };
}

const FERRY = 'The harbour ferry carried 3.2 million passengers in 2023, twice as many as in 2019';
const TRAM = 'Tram fares in Brindlemouth rose by 40 percent after the line was sold in 2021';
const LIBRARY = 'Brindlemouth closed 12 public libraries between 2015 and 2020';
const PENSION_NZ = 'New Zealand pays a state pension to every resident over 65 regardless of income';
const PENSION_WI = 'Wisconsin cut the pensions of state workers by a third in 2011';

let dir: string;
let dataDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archive-cli-'));
  dataDir = join(dir, 'data');
  await writeFile(join(dir, 'single.json'), JSON.stringify(review(FERRY, 'ferry')));
  await writeFile(join(dir, 'array.json'), JSON.stringify([review(TRAM, 'tram'), { '@type': 'ClaimReview', url: 'https://checks.example/no-claim' }, review(FERRY, 'ferry')]));
  await writeFile(
    join(dir, 'graph.json'),
    JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', '@id': '#page' }, review(LIBRARY, 'library')] }),
  );
  await writeFile(
    join(dir, 'feed.json'),
    JSON.stringify({
      '@type': 'DataFeed',
      dataFeedElement: [
        { '@type': 'DataFeedItem', item: [review(PENSION_NZ, 'nz-pension', { reviewRating: { alternateName: 'True' } }), review(PENSION_WI, 'wi-pension')] },
        { '@type': 'DataFeedItem', item: [{ '@type': 'ClaimReview', claimReviewed: 'A claim with no rating', url: 'https://checks.example/unrated' }] },
      ],
    }),
  );
  await writeFile(join(dir, 'broken.json'), '{ "dataFeedElement": [ ');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('factcheck archive import and checked-before', () => {
  it('imports each feed shape, counting invalid items and skipping duplicates', async () => {
    const single = await runFactcheck(['archive', 'import', join(dir, 'single.json'), '--data-dir', dataDir]);
    expect(single.code).toBe(0);
    expect(lastLine(single.stdout)).toBe('imported 1, skipped 0, invalid 0');

    const array = await inProcess(archiveCommand, 'import', join(dir, 'array.json'), '--data-dir', dataDir);
    expect(array.code).toBe(0);
    expect(lastLine(array.stdout)).toBe('imported 1, skipped 1, invalid 1');

    const graph = await inProcess(archiveCommand, 'import', join(dir, 'graph.json'), '--data-dir', dataDir);
    expect(lastLine(graph.stdout)).toBe('imported 1, skipped 0, invalid 0');

    const feed = await inProcess(archiveCommand, 'import', join(dir, 'feed.json'), '--data-dir', dataDir);
    expect(feed.code).toBe(0);
    expect(lastLine(feed.stdout)).toBe('imported 2, skipped 0, invalid 1');

    const again = await inProcess(archiveCommand, 'import', join(dir, 'feed.json'), '--data-dir', dataDir);
    expect(lastLine(again.stdout)).toBe('imported 0, skipped 2, invalid 1');
  }, 120_000);

  it('fails with exit 1 on a file it cannot read', async () => {
    const broken = await runFactcheck(['archive', 'import', join(dir, 'broken.json'), '--data-dir', dataDir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json');
    const missing = await inProcess(archiveCommand, 'import', join(dir, 'missing.json'), '--data-dir', dataDir);
    expect(missing.code).toBe(1);
  }, 60_000);

  it('finds a paraphrased claim as the same claim, with its metadata, best first (--json)', async () => {
    const run = await runFactcheck(['checked-before', 'In 2023 twice as many passengers as in 2019 — 3.2 million — took the harbour ferry', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const { matches } = JSON.parse(run.stdout) as { matches: Record<string, unknown>[] };
    expect(matches[0]).toMatchObject({
      statement: FERRY,
      verdict: 'Mostly false',
      source: 'archive',
      url: 'https://checks.example/ferry',
      publisher: 'Harbour Check',
      date: '2024-03-05',
      sameClaim: true,
    });
    expect(matches.filter((m) => m.sameClaim)).toHaveLength(1);
    for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score as number).toBeGreaterThanOrEqual(matches[i]!.score as number);
  }, 60_000);

  it('does not call a claim about pensions in New Zealand the same claim as one about Wisconsin', async () => {
    const run = await inProcess(checkedBeforeCommand, 'Wisconsin pays a state pension to every resident over 65 regardless of income', '--json', '--limit', '3', '--data-dir', dataDir);
    const { matches } = JSON.parse(run.stdout) as { matches: { statement: string; sameClaim: boolean }[] };
    expect(matches.length).toBeLessThanOrEqual(3);
    expect(matches.find((m) => m.statement === PENSION_NZ)?.sameClaim ?? false).toBe(false);
  }, 60_000);

  it('prints matches as text, and says so when there are none', async () => {
    const hit = await inProcess(checkedBeforeCommand, 'Brindlemouth shut twelve public libraries from 2015 to 2020', '--data-dir', dataDir);
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain(`1. ${LIBRARY}`);
    expect(hit.stdout).toContain('Mostly false — Harbour Check, 2024-03-05');
    expect(hit.stdout).toContain('https://checks.example/library');
    const none = await inProcess(checkedBeforeCommand, 'Volcanic glass conducts sound', '--data-dir', dataDir);
    expect(none.stdout.trim()).toBe('No earlier fact-check of this claim was found.');
    expect((await inProcess(checkedBeforeCommand, 'x', '--limit', '0', '--data-dir', dataDir)).code).toBe(2);
  }, 60_000);
});
