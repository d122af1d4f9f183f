export {
  type CheckGroundingOptions,
  checkGrounding,
  type GroundingIssue,
  type GroundingProblem,
} from './check-grounding.js';
export {
  type DelimitedSource,
  type DelimitSourceOptions,
  delimitSource,
  SOURCE_AS_DATA_INSTRUCTION,
} from './delimit-source.js';
export {
  type DetectPlaceholderOptions,
  detectPlaceholder,
  type PlaceholderHit,
} from './detect-placeholder.js';
export { GROUNDED_STAGES } from './grounded-stages.js';
export { locateQuote, type QuoteMatch } from './locate-quote.js';
export {
  DEFAULT_MIN_SIMILARITY,
  type MapClaimToSentenceOptions,
  mapClaimToSentence,
  type SentenceMatch,
} from './map-claim-to-sentence.js';
export { normalizeForMatching } from './normalize-for-matching.js';
export { withGroundedSpans } from './with-grounded-spans.js';
