/**
 * Synthetic published fact-checks (ClaimReview JSON-LD) for the archive's benchmark and as
 * distractors in the paraphrase evaluation: claims built from templates over places, people,
 * topics, numbers and years, so that many share words and differ in one detail, as real archives do.
 * Deterministic for a seed; generated on demand, never stored.
 */
import { seededRandom } from '../../support/seededRandom';

const PLACES = `Albania Algeria Angola Argentina Armenia Australia Austria Bangladesh Belgium Bolivia Brazil Bulgaria
Cambodia Cameroon Canada Chile China Colombia Croatia Cuba Denmark Ecuador Egypt England Estonia Ethiopia Finland
France Germany Ghana Greece Guatemala Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan
Jordan Kenya Latvia Lebanon Lithuania Malawi Malaysia Mexico Morocco Nepal Nigeria Norway Pakistan Panama Peru Poland
Portugal Romania Rwanda Scotland Senegal Serbia Singapore Slovakia Somalia Spain Sweden Switzerland Taiwan Tanzania
Thailand Tunisia Turkey Uganda Ukraine Uruguay Vietnam Wales Zambia Zimbabwe Alabama Arizona Arkansas California
Colorado Florida Georgia Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Michigan Minnesota
Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin
London Paris Berlin Madrid Rome Lagos Nairobi Sydney Toronto Chicago Houston Boston Manila Jakarta Lima Bogota`
  .split(/\s+/)
  .filter(Boolean);
const FIRST = 'Maria James Amina Wei Carlos Fatima John Priya Olga Ahmed Laura Kwame Sofia Daniel Mei Peter Ana Ravi Grace Tomas'.split(' ');
const LAST = 'Okafor Lindqvist Moreau Tanaka Silva Novak Haddad Keller Mensah Duarte Brennan Kowalski Ferreira Nakamura Osei Larsen Petrov Quinn Rahman Vega'.split(' ');
const ROLES = ['Senator', 'Governor', 'Mayor', 'Minister', 'President', 'Representative'];
const RATES = ['unemployment', 'inflation', 'child poverty', 'obesity', 'homelessness', 'violent crime', 'youth unemployment', 'infant mortality', 'smoking', 'literacy'];
const SPENDING = ['schools', 'hospitals', 'roads', 'police', 'defence', 'pensions', 'public housing', 'foreign aid', 'railways', 'universities'];
const CAUSES = ['road accidents', 'heatwaves', 'drug overdoses', 'malaria', 'measles', 'air pollution', 'flooding', 'gun violence', 'the flu', 'tuberculosis'];
const PRICES = ['house price', 'monthly rent', 'annual salary', 'price of bread', 'price of petrol', 'cost of childcare', 'tuition fee', 'electricity bill'];
const BUILT = ['schools', 'hospitals', 'homes', 'wind farms', 'prisons', 'bridges', 'clinics', 'power stations', 'libraries', 'police stations'];
const REGIONS = ['Europe', 'Africa', 'Asia', 'the world', 'the developed world', 'Latin America', 'the country', 'the region'];
const VERDICTS = ['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Misleading', 'Unproven'];

export function syntheticClaims(count: number, seed = 1): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const year = () => int(1995, 2025);
  const person = () => `${pick(ROLES)} ${pick(FIRST)} ${pick(LAST)}`;
  const templates: (() => string)[] = [
    () => `${cap(pick(RATES))} in ${pick(PLACES)} ${pick(['rose', 'fell'])} to ${int(2, 40)}.${int(0, 9)} percent in ${year()}.`,
    () => `${pick(PLACES)} spent $${int(1, 900)} ${pick(['million', 'billion'])} on ${pick(SPENDING)} in ${year()}.`,
    () => `${person()} said ${pick(PLACES)} has the ${pick(['highest', 'lowest'])} rate of ${pick(RATES)} in ${pick(REGIONS)}.`,
    () => `${int(100, 90000).toLocaleString('en-US')} people died from ${pick(CAUSES)} in ${pick(PLACES)} in ${year()}.`,
    () => `The average ${pick(PRICES)} in ${pick(PLACES)} is now ${int(2, 900) * 10} dollars.`,
    () => `${pick(PLACES)} built ${int(3, 5000)} new ${pick(BUILT)} in ${int(2, 12)} years.`,
    () => `${person()} cut ${pick(SPENDING)} funding by ${int(2, 60)}% after taking office in ${year()}.`,
    () => `${cap(pick(RATES))} in ${pick(PLACES)} has ${pick(['doubled', 'halved', 'tripled'])} since ${year()}.`,
    () => `${pick(PLACES)} has more ${pick(BUILT)} per person than any other place in ${pick(REGIONS)}.`,
    () => `${person()} voted ${int(2, 80)} times against funding for ${pick(SPENDING)}.`,
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(templates)());
  return out;
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Synthetic ClaimReviews with every kept field filled, as a public fact-check feed would have them. */
export function syntheticClaimReviews(count: number, seed = 1): Record<string, unknown>[] {
  const random = seededRandom(seed + 7);
  const claims = syntheticClaims(count, seed);
  return claims.map((claim, i) => {
    const verdict = VERDICTS[Math.floor(random() * VERDICTS.length)]!;
    const publisher = `Fact Desk ${String.fromCharCode(65 + (i % 26))}`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://checks${i % 20}.example/fact-check/${i}`,
      claimReviewed: claim,
      datePublished: `20${10 + (i % 15)}-${month}-1${i % 10}`,
      author: { '@type': 'Organization', name: publisher },
      reviewRating: { '@type': 'Rating', alternateName: verdict, ratingValue: 1 + VERDICTS.indexOf(verdict), bestRating: 7, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}` },
        appearance: [{ '@type': 'CreativeWork', url: `https://news${i % 50}.example/story/${i}` }],
      },
    };
  });
}

/** The same items as a public data feed: `{ dataFeedElement: [ { item: [ … ] } ] }`. */
export function syntheticFeed(count: number, seed = 1): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: syntheticClaimReviews(count, seed).map((item) => ({ '@type': 'DataFeedItem', item: [item] })),
  };
}
