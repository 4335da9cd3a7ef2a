/** F1, precision and recall of a weights file's decisions, through the app's own scoring path. */
import { loadModel, scoreSentence, type WeightsFile } from '../../shared/suggestions/model';
import type { LabelledSentence } from './checkworthyData';
import { scoresAt } from './metrics';

const round4 = (x: number) => Math.round(x * 10000) / 10000;

export function evaluateShipped(file: WeightsFile, set: LabelledSentence[]): WeightsFile['evaluation'][string] {
  const model = loadModel(file);
  const decisions = set.map((s) => (scoreSentence(model, s.text).checkWorthy ? 1 : 0));
  const s = scoresAt(decisions, set.map((x) => x.yes), 0.5);
  return { f1: round4(s.f1), precision: round4(s.precision), recall: round4(s.recall), sentences: set.length };
}
