export {
  type BuildReportInput,
  buildIntelligenceReport,
  type ReportAnnotations,
} from './build-intelligence-report.js';
export { dedupeBy } from './dedupe-by.js';
export { mergeClaims } from './merge-claims.js';
export { mergeFallacies } from './merge-fallacies.js';
