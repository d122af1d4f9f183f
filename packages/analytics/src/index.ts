export {
  type ConfidenceInterval,
  confidenceInterval,
} from './confidence-interval.js';
export {
  DECEPTION_HIGH,
  DECEPTION_MODERATE,
  type DeceptionScoreInput,
  FALLACY_CONTRIBUTION_CAP,
  FALLACY_TYPE_WEIGHT,
  scoreDeception,
  VERDICT_DECEPTION_BASE,
} from './deception-score.js';
export {
  QUALITY_TRENDS,
  type QualityDimensions,
  type QualityDimensionsInput,
  type QualityTrend,
  qualityDimensions,
} from './quality-dimensions.js';
export {
  type SpeakerTrust,
  type SpeakerTrustInput,
  speakerTrust,
  TRUST_BANDS,
  type TrustBand,
} from './speaker-trust.js';
export {
  assessThreatLevel,
  THREAT_HIGH_DECEPTION,
  THREAT_HIGH_FALLACIES,
  THREAT_MEDIUM_DECEPTION,
  THREAT_MEDIUM_FALLACIES,
  type ThreatLevelInput,
} from './threat-level.js';
export { type EvidenceVerdict, verdictFromEvidence } from './verdict-from-evidence.js';
