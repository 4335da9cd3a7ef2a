/** Anchoring claims to article text: describe a span as selectors, and find it again. */
export { describeRange, MIN_CONTEXT, MAX_SENTENCE_CONTEXT } from './describeRange';
export { anchor, type AnchorResult, type AnchorStatus } from './anchor';
