/**
 * Claim suggestions, offline: which sentences of an article are worth checking, and why. Pure and
 * synchronous; the weights are imported here, so the UI loads the model by importing this module
 * lazily (its own chunk), and the first script of the renderer does not grow.
 */
import weightsFile from './weights.json';
import { loadModel, scoreSentence, type WeightsFile } from './model';
import { splitSentences } from './sentences';

export { splitSentences, type SentenceSpan } from './sentences';

const model = loadModel(weightsFile as WeightsFile);

/** The model's decision threshold: a sentence is check-worthy when its score reaches it. */
export const SUGGESTION_THRESHOLD = model.threshold;

/** One result per sentence, in order: the probability that it is a check-worthy claim, and the decision. */
export function scoreSentences(sentences: string[]): { score: number; checkWorthy: boolean }[] {
  return sentences.map((sentence) => {
    const { score, checkWorthy } = scoreSentence(model, sentence);
    return { score, checkWorthy };
  });
}

/** The check-worthy sentences of `text`, with UTF-16 offsets into it and the reasons a checker can act on. */
export function suggestClaims(text: string): { start: number; end: number; text: string; score: number; reasons: string[] }[] {
  const out: { start: number; end: number; text: string; score: number; reasons: string[] }[] = [];
  for (const span of splitSentences(text)) {
    const { score, checkWorthy, reasons } = scoreSentence(model, span.text);
    if (checkWorthy) out.push({ start: span.start, end: span.end, text: span.text, score, reasons });
  }
  return out;
}
