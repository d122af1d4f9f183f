import { type IntelligenceReport, intelligenceReportSchema, ValidationError } from '@orch/core';

/**
 * The report as pretty-printed JSON (2-space indent, trailing newline), after validating it
 * against `intelligenceReportSchema`. Throws ValidationError `REPORT_INVALID` when it fails.
 */
export function renderJson(report: IntelligenceReport): string {
  const parsed = intelligenceReportSchema.safeParse(report);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ValidationError(
      'REPORT_INVALID',
      `The report cannot be written as JSON because it fails its schema (${issues.join('; ')}). Build reports with buildIntelligenceReport from @orch/result-processors, or fix the fields named here.`,
      { details: { issues } },
    );
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
