export {
  type ClaimCandidateOptions,
  findClaimCandidates,
} from './claims.js';
export {
  assessContentQuality,
  QUALITY_GATE_THRESHOLDS,
  type QualityGateOptions,
} from './content-quality.js';
export { type DeceptionCues, detectDeceptionCues } from './deception-cues.js';
export { extractEntities } from './entities.js';
export { detectFallacyCues } from './fallacy-cues.js';
export { extractKeyphrases, extractKeywords, type KeywordOptions } from './keywords.js';
export {
  buildKnowledgeGraph,
  CO_MENTION_PREDICATE,
  type KnowledgeGraphOptions,
} from './knowledge-graph.js';
export { type DetectedLanguage, detectLanguage } from './language.js';
export { detectManipulationIndicators } from './manipulation.js';
export { type Sentence, splitSentences } from './sentences.js';
export { analyzeSentiment } from './sentiment.js';
export {
  type ExtractiveSummary,
  type ExtractiveSummaryOptions,
  type SummarizeOptions,
  summarizeExtractive,
  summarizeText,
} from './summarize.js';
export {
  assessTranscriptQuality,
  type TranscriptQuality,
  type TranscriptQualityComponents,
} from './transcript-quality.js';
