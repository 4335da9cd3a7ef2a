/**
 * Replies that carry whole articles send each article's canonical text only once: an article's
 * `text` is its blocks joined by blank lines, so the sending side leaves it out wherever that holds
 * exactly and the receiving side joins the blocks again. For a 10 MB article this halves the reply
 * (its serialization, transfer and parsing). An article whose stored text is not exactly its blocks
 * joined keeps its text, so what arrives is always what was sent.
 */
import { joinBlocks } from './canonicalText';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An article or article version: blocks with texts, and the text they join into. */
function isArticleVersion(value: unknown): value is Loose & { blocks: Array<{ text: string }>; text: string } {
  return isObject(value) && Array.isArray(value.blocks) && typeof value.text === 'string' && value.blocks.every((block) => isObject(block) && typeof block.text === 'string');
}

/** A copy of the version without its text, when the text is exactly its blocks joined; else the version itself. */
function packVersion(value: unknown): unknown {
  if (!isArticleVersion(value)) return value;
  let packed: Loose = value;
  if (joinBlocks(value.blocks) === value.text) {
    const { text: _omitted, ...rest } = value;
    packed = rest;
  }
  if (Array.isArray(value.previousVersions) && value.previousVersions.length > 0) {
    packed = { ...packed, previousVersions: value.previousVersions.map(packVersion) };
  }
  return packed;
}

/** Puts back the text of a version (and of its previous versions) that was sent without it; mutates the received value. */
function unpackVersion(value: unknown): void {
  if (!isObject(value) || !Array.isArray(value.blocks)) return;
  if (typeof value.text !== 'string') value.text = joinBlocks(value.blocks as Array<{ text: string }>);
  if (Array.isArray(value.previousVersions)) value.previousVersions.forEach(unpackVersion);
}

/** The articles an operation carries (an added article, an updated version; a batch's operations). */
function mapOperation(op: unknown, map: (version: unknown) => unknown): unknown {
  if (!isObject(op)) return op;
  if (op.type === 'batch' && Array.isArray(op.ops)) return { ...op, ops: op.ops.map((leaf) => mapOperation(leaf, map)) };
  if (op.type === 'addArticle' && isObject(op.article)) return { ...op, article: map(op.article) };
  if (op.type === 'updateArticle' && isObject(op.version)) return { ...op, version: map(op.version) };
  return op;
}

function operationCarriesArticle(op: unknown): boolean {
  if (!isObject(op)) return false;
  if (op.type === 'batch' && Array.isArray(op.ops)) return op.ops.some(operationCarriesArticle);
  return op.type === 'addArticle' || op.type === 'updateArticle';
}

/** A project for the wire: its articles, their previous versions and the articles its history carries, without their texts. */
export function packProject(project: unknown): unknown {
  if (!isObject(project) || !Array.isArray(project.articles)) return project;
  const packed: Loose = { ...project, articles: project.articles.map(packVersion) };
  if (Array.isArray(project.history) && project.history.some((entry) => isObject(entry) && (operationCarriesArticle(entry.op) || operationCarriesArticle(entry.inverse)))) {
    packed.history = project.history.map((entry) =>
      isObject(entry) && (operationCarriesArticle(entry.op) || operationCarriesArticle(entry.inverse))
        ? { ...entry, op: mapOperation(entry.op, packVersion), inverse: mapOperation(entry.inverse, packVersion) }
        : entry,
    );
  }
  return packed;
}

/** Puts back every text packProject left out; mutates and returns the received project. */
export function unpackProject(project: unknown): unknown {
  if (!isObject(project) || !Array.isArray(project.articles)) return project;
  project.articles.forEach(unpackVersion);
  if (Array.isArray(project.history)) {
    for (const entry of project.history) {
      if (!isObject(entry)) continue;
      mapOperation(entry.op, (version) => (unpackVersion(version), version));
      mapOperation(entry.inverse, (version) => (unpackVersion(version), version));
    }
  }
  return project;
}

/** Where a call's reply holds a project or an article version. */
type ReplyShape = 'openProject' | 'mergedCopy' | 'changeFeed' | 'articleVersion';

const REPLY_SHAPES: Record<string, ReplyShape> = {
  createProject: 'openProject',
  openProject: 'openProject',
  getOpenProject: 'openProject',
  saveProjectAs: 'openProject',
  mergeCopy: 'mergedCopy',
  waitForChanges: 'changeFeed',
  importArticle: 'articleVersion',
};

/** A call's reply for the wire (a shallow copy; the value given is not changed). */
export function packReply(call: string, value: unknown): unknown {
  const shape = REPLY_SHAPES[call];
  if (!shape || !isObject(value)) return value;
  switch (shape) {
    case 'openProject':
    case 'changeFeed':
      return 'project' in value ? { ...value, project: packProject(value.project) } : value;
    case 'mergedCopy':
      return isObject(value.opened) ? { ...value, opened: { ...value.opened, project: packProject(value.opened.project) } } : value;
    case 'articleVersion':
      return packVersion(value);
  }
}

/** A received reply with every text left out put back (mutates and returns it). */
export function unpackReply(call: string, value: unknown): unknown {
  const shape = REPLY_SHAPES[call];
  if (!shape || !isObject(value)) return value;
  switch (shape) {
    case 'openProject':
    case 'changeFeed':
      unpackProject(value.project);
      break;
    case 'mergedCopy':
      if (isObject(value.opened)) unpackProject(value.opened.project);
      break;
    case 'articleVersion':
      unpackVersion(value);
      break;
  }
  return value;
}
