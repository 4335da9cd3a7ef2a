/** Anchoring claims to article text: describe a span as selectors, find it again, re-anchor after updates. */
export { describeRange, MIN_CONTEXT, MAX_SENTENCE_CONTEXT } from './describeRange';
export { prepareTextIndex } from './textIndex';
export { anchor, anchorVerbatim, type AnchorResult, type AnchorStatus } from './anchor';
export { reanchorAll, type ReanchorInput } from './reanchorAll';
export { classifyChanges, type ChangeKind } from './changeKinds';
export { toCodePointOffset, fromCodePointOffset, codePointLength, toCodePointTarget } from './codePoints';
export { planArticleUpdate, acceptProposedSpan, retargetClaim, keepOrphaned, type UpdateSummary, type ArticleUpdatePlan } from './planArticleUpdate';
