/**
 * Builds resources/sample/sample.factcheck.json from resources/sample/article.md: the project the
 * workbench opens on first start. Deterministic (fixed ids and timestamps), so running it again
 * gives the same bytes. Run with `npx tsx scripts/make-sample.ts`.
 *
 * Everything goes through the real code paths: importArticle (intake), createEmptyProject,
 * describeRange (anchoring) and the reducer's operations.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importArticle } from '../electron/services/intake/importArticle';
import { describeRange } from '../shared/anchoring/index';
import type { Claim, ClaimState, Stance } from '../shared/model';
import type { Operation, Project } from '../shared/operations';
import { createEmptyProject, parseProjectFile, serializeProject } from '../shared/projectFile';
import { apply } from '../shared/operations';

const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', 'resources', 'sample');
const ARTICLE_FILE = 'article.md';
const OUTPUT_FILE = 'sample.factcheck.json';

const CREATED_AT = '2026-03-14T16:00:00.000Z';
const IMPORTED_AT = new Date('2026-03-14T16:05:00.000Z');
const CHECKER = 'Sample checker';

interface SampleSource {
  id: string;
  url: string;
  title: string;
  publisher: string;
  accessedAt: string;
}

interface SampleLink {
  sourceId: string;
  stance: Stance;
  excerpt: string;
}

interface SampleClaim {
  /** Exact text of the article the claim targets; must occur once in the canonical text. */
  quote: string;
  statement: string;
  claimant: string;
  state: ClaimState;
  levelId: string | null;
  rationale: string;
  links: SampleLink[];
}

const sources: SampleSource[] = [
  {
    id: 'src-1',
    url: 'https://civilprotection.example.org/bulletins/orla-flood-2026-03-14',
    title: 'Orla River floods: situation bulletin no. 6',
    publisher: 'Provincial Civil Protection Agency (fictional)',
    accessedAt: '2026-03-14',
  },
  {
    id: 'src-2',
    url: 'https://weather.example.org/hydrology/kessner-gauge/2026-03',
    title: 'Kessner gauge: water levels, March 2026, and historical peaks',
    publisher: 'National Weather Office (fictional)',
    accessedAt: '2026-03-14',
  },
  {
    id: 'src-3',
    url: 'https://audit.example.org/reports/2025/lower-orla-flood-defences',
    title: 'Condition of flood defences on the lower Orla',
    publisher: 'Provincial Audit Office (fictional)',
    accessedAt: '2026-03-15',
  },
  {
    id: 'src-4',
    url: 'https://archive.example.org/1998-orla-floods-inquiry',
    title: 'Report of the inquiry into the 1998 Orla floods',
    publisher: 'Provincial Archive (fictional)',
    accessedAt: '2026-03-15',
  },
  {
    id: 'src-5',
    url: 'https://budget.example.org/province/flood-protection-spending',
    title: 'Provincial capital spending on flood protection, 1990–2025',
    publisher: 'Provincial Treasury Open Data (fictional)',
    accessedAt: '2026-03-16',
  },
];

const claims: SampleClaim[] = [
  {
    quote: 'killing at least 120 people',
    statement: 'At least 120 people were killed when the Orla River burst its levees in the Kessner Valley.',
    claimant: 'Provincial officials (via Northline Wire)',
    state: 'approved',
    levelId: 'true',
    rationale: [
      'The civil protection agency\'s **sixth bulletin** lists 124 confirmed deaths as of 15:00 on 14 March,',
      'so "at least 120" is accurate at the time of publication.',
      '',
      '- The bulletin warns the toll is provisional and likely to rise.',
      '- Recheck the figure before any follow-up piece.',
    ].join('\n'),
    links: [
      {
        sourceId: 'src-1',
        stance: 'supports',
        excerpt: 'Confirmed fatalities: 124 (provisional; teams have not yet reached all outlying farms).',
      },
    ],
  },
  {
    quote: "the largest evacuation in the province's history",
    statement: "The evacuation of the Kessner Valley was the largest in the province's history.",
    claimant: 'Provincial officials (via Northline Wire)',
    state: 'readyForReview',
    levelId: 'mostly-true',
    rationale: [
      'About 48,000 people were moved, according to the agency. The 1998 inquiry records 31,500 evacuees,',
      'the largest figure we could find before this week.',
      '',
      'Rated *Mostly true* rather than *True* because records before 1970 are incomplete.',
    ].join('\n'),
    links: [
      {
        sourceId: 'src-1',
        stance: 'supports',
        excerpt: 'Evacuated since Wednesday: approx. 48,200 residents of 31 localities.',
      },
      {
        sourceId: 'src-4',
        stance: 'context',
        excerpt: 'In total 31,500 persons were evacuated from the lower valley over five days.',
      },
    ],
  },
  {
    quote: 'more than 3,000 homes had been destroyed or damaged beyond repair',
    statement: 'More than 3,000 homes were destroyed or damaged beyond repair.',
    claimant: 'Provincial Civil Protection Agency',
    state: 'researching',
    levelId: null,
    rationale: 'Waiting for the agency\'s damage assessment; the bulletin only gives *flooded* homes so far.',
    links: [
      {
        sourceId: 'src-1',
        stance: 'context',
        excerpt: 'Damage assessment teams have begun work in Tallow Ridge and Brennick; figures to follow.',
      },
    ],
  },
  {
    quote: 'the highest level recorded there since 1998',
    statement: 'The Orla peaked at 9.4 metres at the Kessner gauge, its highest level since 1998.',
    claimant: 'National weather office (via Northline Wire)',
    state: 'changesRequested',
    levelId: 'false',
    rationale: [
      'The gauge record shows a peak of **9.6 m in April 2011**, higher than this week\'s 9.4 m.',
      'The level is the highest since 2011, not since 1998.',
      '',
      '> Editor: check whether the 2011 reading was later corrected before we publish *False*.',
    ].join('\n'),
    links: [
      {
        sourceId: 'src-2',
        stance: 'refutes',
        excerpt: 'Annual maxima, Kessner gauge: 1998 — 10.1 m; 2011 — 9.6 m; 2026 (provisional) — 9.4 m.',
      },
      {
        sourceId: 'src-4',
        stance: 'context',
        excerpt: 'The river reached 10.1 metres at Kessner on the night of 2 June 1998.',
      },
    ],
  },
  {
    quote: '38 percent of the levees along the lower Orla were in "poor" or "critical" condition',
    statement: 'A 2025 audit found 38% of the levees on the lower Orla in poor or critical condition.',
    claimant: 'Provincial audit office (via Northline Wire)',
    state: 'approved',
    levelId: 'half-true',
    rationale: [
      'The audit gives **38 percent by number of sections**, but only 22 percent by length.',
      'The article\'s wording ("of the levees along the lower Orla") suggests length, which overstates the share.',
    ].join('\n'),
    links: [
      {
        sourceId: 'src-3',
        stance: 'supports',
        excerpt: 'Of 142 inspected sections, 54 (38%) were rated poor or critical.',
      },
      {
        sourceId: 'src-3',
        stance: 'context',
        excerpt: 'Measured by length, sections rated poor or critical account for 22% of the lower Orla embankments.',
      },
    ],
  },
  {
    quote: 'the province had spent more on flood protection over the past five years than in any comparable period in its history',
    statement: 'The province spent more on flood protection in 2021–2025 than in any other five-year period.',
    claimant: "Governor's office",
    state: 'draft',
    levelId: null,
    rationale: '',
    links: [
      {
        sourceId: 'src-5',
        stance: 'context',
        excerpt: 'Nominal spending 2021–2025: 412m marks; 1999–2003: 388m marks (not adjusted for inflation).',
      },
    ],
  },
];

function findUnique(text: string, quote: string): number {
  const first = text.indexOf(quote);
  if (first < 0) throw new Error(`Quote not found in the article: ${JSON.stringify(quote)}`);
  if (text.indexOf(quote, first + 1) >= 0) throw new Error(`Quote occurs more than once in the article: ${JSON.stringify(quote)}`);
  return first;
}

function buildSample(): Project {
  const bytes = readFileSync(path.join(SAMPLE_DIR, ARTICLE_FILE));
  const version = importArticle(ARTICLE_FILE, new Uint8Array(bytes), IMPORTED_AT);
  const articleId = 'article-1';

  const ops: Operation[] = [{ type: 'addArticle', article: { ...version, id: articleId, previousVersions: [] } }];
  for (const source of sources) ops.push({ type: 'addSource', source });

  let linkCount = 0;
  claims.forEach((sample, i) => {
    const start = findUnique(version.text, sample.quote);
    const claim: Claim = {
      id: `claim-${i + 1}`,
      articleId,
      target: describeRange(version.text, start, start + sample.quote.length),
      statement: sample.statement,
      claimant: sample.claimant,
      verdict: { levelId: null, rationale: '', conclusion: '' },
      state: 'draft',
      createdAt: new Date(IMPORTED_AT.getTime() + (i + 1) * 60_000).toISOString(),
      createdBy: CHECKER,
    };
    ops.push({ type: 'addClaim', claim });
    for (const link of sample.links) {
      linkCount += 1;
      ops.push({ type: 'linkSource', link: { id: `link-${linkCount}`, claimId: claim.id, ...link } });
    }
    if (sample.levelId !== null || sample.rationale !== '') {
      ops.push({ type: 'setVerdict', claimId: claim.id, levelId: sample.levelId, rationale: sample.rationale });
    }
    if (sample.state !== 'draft') ops.push({ type: 'editClaim', claimId: claim.id, changes: { state: sample.state } });
  });

  let project = createEmptyProject({ id: 'sample-kessner-floods', title: 'Sample: Kessner Valley floods', createdAt: CREATED_AT });
  for (const op of ops) project = apply(project, op);
  return project;
}

const project = buildSample();
const text = serializeProject(project);
const check = parseProjectFile(text);
if (!check.ok) throw new Error(`The generated sample is not a valid project: ${check.problem}`);
writeFileSync(path.join(SAMPLE_DIR, OUTPUT_FILE), text);
console.log(
  `Wrote resources/sample/${OUTPUT_FILE}: ${project.claims.length} claims, ${project.sources.length} sources, ` +
    `${project.links.length} links.`,
);
