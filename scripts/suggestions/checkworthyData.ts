/**
 * The check-worthiness sentences (CheckThat! 2024 Task 1, English; ClaimBuster) and the splits we
 * measure on. Train fits, dev chooses; the temporal test is the highest 20% of train by Sentence_id
 * (ids group by debate, the highest are the latest) plus dev-test, so no debate of the test is seen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../fixturesDir';

export interface LabelledSentence {
  id: number;
  text: string;
  yes: boolean;
}

export const CHECKWORTHY_FILES = {
  train: 'CT24_checkworthy_english_train.tsv',
  dev: 'CT24_checkworthy_english_dev.tsv',
  devTest: 'CT24_checkworthy_english_dev-test.tsv',
} as const;

/** A field written CSV-style (wrapped in quotes, inner quotes doubled) back to its text. */
function unquote(field: string): string {
  if (field.length >= 2 && field.startsWith('"') && field.endsWith('"')) return field.slice(1, -1).replace(/""/g, '"');
  return field;
}

export function parseCheckworthyTsv(content: string, name: string): LabelledSentence[] {
  const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  if (header[0] !== 'Sentence_id' || header[1] !== 'Text' || header[2] !== 'class_label') {
    throw new Error(`${name}: expected the header Sentence_id, Text, class_label`);
  }
  return lines.map((line, i) => {
    const cells = line.split('\t');
    const label = cells[cells.length - 1];
    const id = Number(cells[0]);
    if (cells.length < 3 || !Number.isInteger(id) || (label !== 'Yes' && label !== 'No')) {
      throw new Error(`${name}: line ${i + 2} is not "id<TAB>text<TAB>Yes|No"`);
    }
    return { id, text: unquote(cells.slice(1, -1).join('\t')), yes: label === 'Yes' };
  });
}

export function loadCheckworthy(): Record<keyof typeof CHECKWORTHY_FILES, LabelledSentence[]> {
  const dir = fixturesDir('checkworthy');
  const read = (file: string) => parseCheckworthyTsv(readFileSync(path.join(dir, file), 'utf8'), file);
  return { train: read(CHECKWORTHY_FILES.train), dev: read(CHECKWORTHY_FILES.dev), devTest: read(CHECKWORTHY_FILES.devTest) };
}

export interface Splits {
  /** The earliest 80% of train by Sentence_id: what the model is fitted on. */
  fit: LabelledSentence[];
  /** The dev file: chooses the model, its settings and the threshold. */
  dev: LabelledSentence[];
  /** The latest 20% of train plus dev-test: the honest, temporal test. */
  test: LabelledSentence[];
  /** dev-test alone (part of test). */
  devTest: LabelledSentence[];
  /** The Sentence_id from which train rows count as test. */
  cutoffId: number;
}

export const HELD_OUT_FRACTION = 0.2;

export function temporalSplits(data = loadCheckworthy()): Splits {
  const byId = [...data.train].sort((a, b) => a.id - b.id);
  const cut = Math.floor(byId.length * (1 - HELD_OUT_FRACTION));
  return { fit: byId.slice(0, cut), dev: data.dev, test: [...byId.slice(cut), ...data.devTest], devTest: data.devTest, cutoffId: byId[cut].id };
}
