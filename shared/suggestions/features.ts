/**
 * A sentence as the model sees it: sparse features (name → value). Word n-grams over normalised
 * words, n-grams of word-class tags, optional character n-grams, and the cues of cues.ts. The same
 * function serves training and the app, so what was measured is what ships.
 */
import { CUES, type SentenceView } from './cues';
import { DETAIL_CUES, detailDensity } from './detailCues';
import { sentenceShape } from './shape';
import { tagTokens } from './tags';
import { wordTokens } from './tokens';

export interface FeatureOptions {
  /** Longest word n-gram (0 = no words). */
  wordNgrams: number;
  /** Longest tag n-gram (0 = none). */
  tagNgrams: number;
  /** Names in word n-grams: kept as words, replaced by <name>, or both. */
  names: 'keep' | 'class' | 'both';
  /** Lower-case words missing from the lexicon become <rare> in word n-grams (else they stay). */
  rareWords: boolean;
  /** Character n-gram lengths inside words, e.g. [3, 5]; empty for none. */
  charNgrams: number[];
  /** Whether the cues are features. */
  cues: boolean;
  /** Scale the n-gram features of a sentence to unit length, so long sentences do not score higher merely by having more words. */
  normalize: boolean;
  /** Value of a cue feature (above 1 it is regularised less than the n-grams). */
  cueValue: number;
  /** Pairs of cues as features (a number with a past tense, …). */
  cuePairs: boolean;
  /** Longest n-gram of the sentence's shape (shape.ts: function words kept, content words as tags); 0 or absent = none. */
  shapeNgrams?: number;
  /** The cues of detailCues.ts and the density of checkable detail; absent = off. */
  detail?: boolean;
}

export type Features = Map<string, number>;

export function sentenceView(text: string, lexicon: ReadonlySet<string>): SentenceView {
  const tokens = wordTokens(text);
  const tags = tagTokens(tokens, lexicon);
  const norms = tokens.map((t) => t.norm);
  return { text, tokens, tags, phrase: ` ${norms.join(' ')} `, words: new Set(norms) };
}

/** The ids of the cues that hold for a sentence (with `detail`, the detail cues too). */
export function firedCues(view: SentenceView, detail = false): string[] {
  const fired = CUES.filter((cue) => cue.test(view)).map((cue) => cue.id);
  if (detail) for (const cue of DETAIL_CUES) if (cue.test(view)) fired.push(cue.id);
  return fired;
}

const WITH_REASON = new Set([...CUES, ...DETAIL_CUES].filter((cue) => cue.reason).map((cue) => cue.id));

function addNgrams(features: Features, prefix: string, items: string[], maxN: number): void {
  const seq = ['<s>', ...items, '</s>'];
  for (let i = 1; i < seq.length - 1; i++) features.set(`${prefix}1:${seq[i]}`, 1);
  for (let n = 2; n <= maxN; n++) {
    const head = `${prefix}${n}:`;
    for (let i = 0; i + n <= seq.length; i++) {
      let gram = seq[i];
      for (let k = 1; k < n; k++) gram += ' ' + seq[i + k];
      features.set(head + gram, 1);
    }
  }
}

export function extractFeatures(
  text: string,
  options: FeatureOptions,
  lexicon: ReadonlySet<string>,
  view = sentenceView(text, lexicon),
  fired = options.cues ? firedCues(view, options.detail) : [],
): Features {
  const features: Features = new Map([['bias', 1]]);
  if (options.wordNgrams > 0) {
    const rare = (norm: string) => (options.rareWords && !norm.startsWith('<') && /^\p{L}/u.test(norm) && !lexicon.has(norm) ? '<rare>' : norm);
    const words = view.tokens.map((t) => rare(t.norm));
    const classed = view.tokens.map((t, i) => (view.tags[i] === 'NAME' ? '<name>' : rare(t.norm)));
    if (options.names !== 'class') addNgrams(features, 'w', words, options.wordNgrams);
    if (options.names !== 'keep') addNgrams(features, options.names === 'class' ? 'w' : 'n', classed, options.wordNgrams);
  }
  if (options.tagNgrams > 0) addNgrams(features, 't', view.tags, options.tagNgrams);
  if (options.shapeNgrams) addNgrams(features, 's', sentenceShape(view.tokens, view.tags), options.shapeNgrams);
  if (options.charNgrams.length > 0) {
    for (const t of view.tokens) {
      const word = `<${t.norm}>`;
      for (const n of options.charNgrams) for (let i = 0; i + n <= word.length; i++) features.set(`c:${word.slice(i, i + n)}`, 1);
    }
  }
  if (options.normalize && features.size > 1) {
    const scale = 1 / Math.sqrt(features.size - 1);
    for (const name of features.keys()) if (name !== 'bias') features.set(name, scale);
  }
  if (options.cues) {
    for (const id of fired) features.set(`q:${id}`, options.cueValue);
    if (options.detail) features.set(detailDensity(fired.filter((id) => WITH_REASON.has(id)).length), options.cueValue);
    if (options.cuePairs) {
      for (let i = 0; i < fired.length; i++) for (let j = i + 1; j < fired.length; j++) features.set(`p:${fired[i]}&${fired[j]}`, options.cueValue);
    }
  }
  return features;
}
