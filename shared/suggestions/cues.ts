/**
 * Cues that tell a checkable statement of fact from an opinion, a question or a promise, whoever
 * speaks and whenever: numbers and units, comparisons, sources, dates, names, tense, hedges.
 * A cue with a `reason` is one a checker can act on and is shown with a suggestion when it helps
 * the score; the others (hedges, questions, promises, length) only move the score.
 */
import type { WordToken } from './tokens';

export interface SentenceView {
  text: string;
  tokens: WordToken[];
  /** Word-class tags of the tokens (tags.ts). */
  tags: string[];
  /** Lowercase words joined by single spaces, with a space at each end, for phrase tests. */
  phrase: string;
  words: Set<string>;
}

export interface Cue {
  id: string;
  reason?: string;
  test: (s: SentenceView) => boolean;
}

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));
const anyWord = (s: SentenceView, lexicon: Set<string>): boolean => {
  for (const t of s.tokens) if (lexicon.has(t.lower)) return true;
  return false;
};
const anyPhrase = (s: SentenceView, phrases: RegExp): boolean => phrases.test(s.phrase);

const NUMBER_WORDS = set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half third quarter twice double doubled triple tripled quadrupled',
);
const SCALE_WORDS = set('hundred thousand million millions billion billions trillion trillions');
const MONEY_WORDS = set('dollars dollar cents budget budgets deficit deficits debt spending spend spent taxes tax cost costs paid pay wages wage salary income incomes revenue revenues funding funded price prices fund');
const PERCENT_WORDS = set('percent percentage percentages per cent');
const STAT_WORDS = set(
  'rate rates unemployment unemployed employment jobs job poverty inflation gdp growth economy economic average median population crime murders murder deaths died killed casualties votes voted record statistics figures number numbers majority minority polls poll survey surveys data income incomes deficit debt productivity exports imports insured uninsured premiums interest mortgage homeless percent',
);
const COMPARATIVE_WORDS = set('more less fewer higher lower larger smaller bigger greater worse better faster slower cheaper longer shorter increase increased decrease decreased compared versus than');
const SUPERLATIVE_WORDS = set('most least largest smallest biggest highest lowest greatest worst best fastest slowest first last only record ever never');
const CHANGE_WORDS = set(
  'increased increase increases increasing decreased decrease decreases declined decline declining rose risen rising grew grown growing fell fallen falling dropped drop doubled tripled quadrupled halved cut cuts slashed raised raise raising reduced reduce reducing lost gained added created tripling doubling soared plunged went',
);
const ATTRIBUTION_WORDS = set('said says say according reported reports report study studies survey surveys found shows showed show estimates estimated estimate concluded testified announced stated wrote confirmed admitted');
const SOURCE_NOUNS = set('report study studies survey poll polls office bureau department agency commission committee census cbo gao fbi cia un nato institute university journal newspaper experts economists scientists analysts');
const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
const TIME_WORDS = set('yesterday today week weeks month months year years decade decades century ago since during until');
const PAST_AUX = set('was were did had been');
const PRESENT_PERFECT = / (?:has|have|hasn't|haven't|'ve|he's|she's|it's) (?:\w+ )?(?:\w+ed|been|gone|done|made|had|given|taken|seen|lost|won|grown|risen|fallen|cut|spent|paid|put|sent|left|run|brought|built|kept|held) /;
const VOTE_WORDS = set('voted vote votes voting vetoed veto signed passed legislation bill bills law laws amendment supported opposed sponsored enacted repealed ratified treaty appointed');
const HEDGE_WORDS = set('maybe perhaps probably possibly might may could seems seem guess suppose hopefully likely unlikely');
const OPINION_PHRASES = / i (?:think|believe|feel|hope|guess|suppose|wish|want|like|love|hate|would like|am sure|agree|disagree|support|oppose) | (?:i'd like|i'm sure) | (?:in my (?:opinion|view)|it seems to me|i don't think|i do not think) /;
const PROMISE_PHRASES = / (?:i|we|i'm|we're|i'll|we'll|you'll) (?:will|'ll|shall|am going to|are going to|going to|gonna|intend to|plan to|promise|pledge|commit)\b|^ (?:i|we)'ll | (?:i|we) will | (?:i'm|we're|i am|we are) going to | let's | let me /;
const MODAL_WORDS = set('should must ought need needs shall would');
const SUBJECTIVE_WORDS = set(
  'great terrible wonderful horrible disaster disastrous wrong right good bad best worst fantastic tremendous beautiful amazing incredible ridiculous stupid crazy sad shame disgrace important proud believe honest fair unfair strong weak nice love hate',
);
const FACT_PHRASES = / (?:the fact is|in fact|the truth is|the reality is|as a matter of fact|the record shows|for example|for instance) /;
const THANKS_PHRASES = / (?:thank you|thanks|good evening|good night|good morning|welcome|congratulations|applause|laughter|crosstalk|excuse me|i'm sorry) /;
const QUESTION_START = set('who what when where why how which whose whom is are do does did can could would will should have has was were am');
const SECOND_PERSON = set('you your yours yourself');
const NEGATION = set("not never no nobody nothing none n't don't doesn't didn't isn't aren't wasn't weren't won't can't cannot haven't hasn't");
const FIRST_PERSON = set("i me my mine i'm i've i'd i'll");
const WE_WORDS = set("we us our ours we're we've we'd we'll");
const TRANSITIVE_THEY = set('he she they it his her their its');
const COPULA_EXIST = / (?:there (?:is|are|were|was|has been|have been)|there's) /;
const FROM_TO = / from (?:<num>|<year>|\S+ (?:<num>|percent)).* to /;
const SINCE_YEAR = / (?:since|in|by|until|from|between|of|before|after) (?:<year>|<decade>|the <decade>)/;
const LAST_PERIOD = / (?:last|past|next|previous|first|over the|in the last|over the last|over the past) (?:<num> |two |three |four |five |six |seven |eight |ten |twenty |few |several )?(?:year|years|decade|decades|month|months|week|weeks|term|century|administration) /;
const THAN_COMPARISON = / (?:more|less|fewer|higher|lower|greater|bigger|larger|smaller|better|worse|\w+er) than /;
const AS_MUCH_AS = / (?:as (?:much|many|high|low|large) as|twice as|times as|times more|times the) /;
const SUPERLATIVE_SHAPE = / the (?:most|least|\w{3,}est|first|only|largest|biggest|highest|lowest) /;
const QUOTE_INSIDE = /["“”]/;

function hasNumberToken(s: SentenceView): boolean {
  for (const t of s.tokens) if (t.norm === '<num>' || t.norm === '<year>' || t.norm === '<decade>' || t.norm === '<alnum>' || t.norm === '<ord>') return true;
  return anyWord(s, NUMBER_WORDS);
}

function names(s: SentenceView): number {
  let count = 0;
  for (const tag of s.tags) if (tag === 'NAME') count++;
  return count;
}

const ABSOLUTES = set('never always every all nobody nothing none everyone everybody nowhere entire whole totally completely');
const FILLERS = new Set(['CC', 'ADV', 'RB']);
const PAST_TAGS = new Set(['VBD', 'BED', 'HAD', 'DID']);

/** The tag of the first word after leading fillers ("And", "So", "Well", "now"). */
function subjectAt(s: SentenceView): number {
  let i = 0;
  while (i < s.tags.length && (FILLERS.has(s.tags[i]) || s.tokens[i].lower === 'well' || s.tokens[i].lower === 'look')) i++;
  return i;
}

/** The subject is an actor and its verb (within two words) is in the past: "She did call it", "We cut taxes". */
function actorInPast(s: SentenceView, actors: Set<string>): boolean {
  let i = subjectAt(s);
  if (i >= s.tags.length || !actors.has(s.tags[i])) return false;
  while (i < s.tags.length && (s.tags[i] === 'NAME' || actors.has(s.tags[i]))) i++;
  for (let j = i; j < Math.min(s.tags.length, i + 3); j++) if (PAST_TAGS.has(s.tags[j]) || s.tags[j] === 'SAY') return true;
  return false;
}

/** A plain present statement about a named party or the world: "Drugs are pouring in", "Israel is a friend". */
function presentStatement(s: SentenceView): boolean {
  const i = subjectAt(s);
  if (i >= s.tags.length || !(s.tags[i] === 'NAME' || s.tags[i] === 'NNS' || s.tags[i] === 'DT' || s.tags[i] === '3P')) return false;
  const rest = s.tags.slice(i + 1, i + 4);
  return rest.includes('BE') || rest.includes('HAVE') || rest.some((t, k) => t === 'NNS' && k === 0);
}

const OTHERS = new Set(['NAME', '3P']);
const SPEAKERS = new Set(['WE', 'I']);
const ADDRESSEE = new Set(['YOU']);

export const CUES: Cue[] = [
  { id: 'actor-past', reason: 'past event', test: (s) => actorInPast(s, OTHERS) },
  { id: 'we-past', reason: 'record', test: (s) => actorInPast(s, SPEAKERS) },
  { id: 'you-past', reason: 'record', test: (s) => actorInPast(s, ADDRESSEE) },
  { id: 'present-statement', test: presentStatement },
  { id: 'absolute', test: (s) => anyWord(s, ABSOLUTES) },
  { id: 'subject-name', reason: 'name', test: (s) => s.tags[subjectAt(s)] === 'NAME' },
  { id: 'subject-i', test: (s) => s.tags[subjectAt(s)] === 'I' },
  { id: 'subject-you', test: (s) => s.tags[subjectAt(s)] === 'YOU' },
  { id: 'subject-we', test: (s) => s.tags[subjectAt(s)] === 'WE' },
  { id: 'subject-3p', test: (s) => s.tags[subjectAt(s)] === '3P' },
  { id: 'filler-start', test: (s) => subjectAt(s) > 0 },
  { id: 'copula-opinion', test: (s) => /^ (?:that's|it's|this is|that is|it is) (?:\S+ )?(?:a |an |very |so |really |totally )?(?:great|terrible|wrong|right|ridiculous|important|true|false|good|bad|sad|shame|disgrace|disaster|fine|clear|amazing|unbelievable|incredible)/.test(s.phrase) },
  { id: 'trailing-off', test: (s) => /(?:\.\.\.|…|-|—)\s*["”]?$/.test(s.text.trim()) },

  { id: 'number', reason: 'number', test: hasNumberToken },
  { id: 'digits', reason: 'number', test: (s) => /\d/.test(s.text) },
  { id: 'scale', reason: 'number', test: (s) => anyWord(s, SCALE_WORDS) },
  { id: 'percent', reason: 'percentage', test: (s) => s.text.includes('%') || anyWord(s, PERCENT_WORDS) },
  { id: 'money', reason: 'money', test: (s) => /[$£€¥]/.test(s.text) || anyWord(s, MONEY_WORDS) },
  { id: 'year', reason: 'date', test: (s) => s.tokens.some((t) => t.norm === '<year>' || t.norm === '<decade>') },
  { id: 'month', reason: 'date', test: (s) => s.tokens.some((t, i) => i > 0 && MONTHS.has(t.lower) && /^\p{Lu}/u.test(t.raw)) },
  { id: 'period', reason: 'date', test: (s) => anyPhrase(s, LAST_PERIOD) || anyPhrase(s, SINCE_YEAR) },
  { id: 'time-word', test: (s) => anyWord(s, TIME_WORDS) },
  { id: 'from-to', reason: 'change over time', test: (s) => anyPhrase(s, FROM_TO) },
  { id: 'change', reason: 'change over time', test: (s) => anyWord(s, CHANGE_WORDS) },
  { id: 'statistic', reason: 'statistic', test: (s) => anyWord(s, STAT_WORDS) },
  { id: 'comparative', reason: 'comparison', test: (s) => anyWord(s, COMPARATIVE_WORDS) },
  { id: 'than', reason: 'comparison', test: (s) => anyPhrase(s, THAN_COMPARISON) || anyPhrase(s, AS_MUCH_AS) },
  { id: 'superlative', reason: 'superlative', test: (s) => anyWord(s, SUPERLATIVE_WORDS) || anyPhrase(s, SUPERLATIVE_SHAPE) },
  { id: 'attribution', reason: 'named source', test: (s) => anyWord(s, ATTRIBUTION_WORDS) },
  { id: 'source-noun', reason: 'named source', test: (s) => anyWord(s, SOURCE_NOUNS) },
  { id: 'according', reason: 'named source', test: (s) => / according to /.test(s.phrase) },
  { id: 'name', reason: 'name', test: (s) => names(s) > 0 },
  { id: 'names2', reason: 'name', test: (s) => names(s) > 1 },
  { id: 'acronym', reason: 'name', test: (s) => /\b[A-Z]{2,}\b|\b(?:[A-Z]\.){2,}/.test(s.text) },
  { id: 'quote', reason: 'quote', test: (s) => QUOTE_INSIDE.test(s.text) },
  { id: 'vote', reason: 'record', test: (s) => anyWord(s, VOTE_WORDS) },
  { id: 'past', test: (s) => anyWord(s, PAST_AUX) || s.tokens.some((t) => t.lower.length > 4 && t.lower.endsWith('ed')) },
  { id: 'perfect', test: (s) => PRESENT_PERFECT.test(s.phrase) },
  { id: 'exists', test: (s) => COPULA_EXIST.test(s.phrase) },
  { id: 'fact-marker', test: (s) => FACT_PHRASES.test(s.phrase) },
  { id: 'hedge', test: (s) => anyWord(s, HEDGE_WORDS) },
  { id: 'opinion', test: (s) => OPINION_PHRASES.test(s.phrase) },
  { id: 'promise', test: (s) => PROMISE_PHRASES.test(s.phrase) },
  { id: 'modal', test: (s) => anyWord(s, MODAL_WORDS) },
  { id: 'subjective', test: (s) => anyWord(s, SUBJECTIVE_WORDS) },
  { id: 'pleasantry', test: (s) => THANKS_PHRASES.test(s.phrase) },
  { id: 'question', test: (s) => s.text.trimEnd().endsWith('?') },
  { id: 'question-start', test: (s) => s.tokens.length > 0 && QUESTION_START.has(s.tokens[0].lower) },
  { id: 'you', test: (s) => anyWord(s, SECOND_PERSON) },
  { id: 'i', test: (s) => anyWord(s, FIRST_PERSON) },
  { id: 'we', test: (s) => anyWord(s, WE_WORDS) },
  { id: 'third-person', test: (s) => anyWord(s, TRANSITIVE_THEY) },
  { id: 'negation', test: (s) => anyWord(s, NEGATION) },
  { id: 'exclaim', test: (s) => s.text.includes('!') },
  { id: 'short', test: (s) => s.tokens.length <= 5 },
  { id: 'medium', test: (s) => s.tokens.length > 5 && s.tokens.length <= 12 },
  { id: 'long', test: (s) => s.tokens.length > 12 && s.tokens.length <= 25 },
  { id: 'very-long', test: (s) => s.tokens.length > 25 },
  { id: 'no-verb-shape', test: (s) => s.tokens.length <= 4 && !/[.!?]$/.test(s.text.trim()) },
];
