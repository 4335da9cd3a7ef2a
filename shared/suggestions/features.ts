/**
 * A sentence as the model sees it: sparse features (name → value). Word n-grams over normalised
 * words, optional character n-grams, and the cues of cues.ts. The same function serves training
 * and the app, so what was measured is what ships.
 */
import { CUES, type SentenceView } from './cues';
import { wordTokens } from './tokens';

export interface FeatureOptions {
  /** Longest word n-gram (1 = words only). */
  wordNgrams: number;
  /** Character n-gram lengths inside words, e.g. [3, 5]; empty for none. */
  charNgrams: number[];
  /** Whether the cues are features. */
  cues: boolean;
  /** Value of a cue feature (above 1 it is regularised less than the n-grams). */
  cueValue: number;
  /** Pairs of cues as features (a number with a past tense, …). */
  cuePairs: boolean;
}

export type Features = Map<string, number>;

export function sentenceView(text: string): SentenceView {
  const tokens = wordTokens(text);
  const norms = tokens.map((t) => t.norm);
  return { text, tokens, phrase: ` ${norms.join(' ')} `, words: new Set(norms) };
}

/** The ids of the cues that hold for a sentence. */
export function firedCues(view: SentenceView): string[] {
  return CUES.filter((cue) => cue.test(view)).map((cue) => cue.id);
}

function add(features: Features, name: string, value = 1): void {
  features.set(name, (features.get(name) ?? 0) + value);
}

export function extractFeatures(text: string, options: FeatureOptions, view = sentenceView(text)): Features {
  const features: Features = new Map();
  add(features, 'bias');
  const norms = ['<s>', ...view.tokens.map((t) => t.norm), '</s>'];
  for (let n = 1; n <= options.wordNgrams; n++) {
    for (let i = 0; i + n <= norms.length; i++) {
      if (n === 1 && (i === 0 || i === norms.length - 1)) continue;
      features.set(`w${n}:${norms.slice(i, i + n).join(' ')}`, 1);
    }
  }
  if (options.charNgrams.length > 0) {
    for (const t of view.tokens) {
      const word = `<${t.norm}>`;
      for (const n of options.charNgrams) for (let i = 0; i + n <= word.length; i++) features.set(`c:${word.slice(i, i + n)}`, 1);
    }
  }
  if (options.cues) {
    const fired = firedCues(view);
    for (const id of fired) features.set(`q:${id}`, options.cueValue);
    if (options.cuePairs) {
      for (let i = 0; i < fired.length; i++) for (let j = i + 1; j < fired.length; j++) features.set(`p:${fired[i]}&${fired[j]}`, options.cueValue);
    }
  }
  return features;
}
