import { InputError, type IntelligenceReport } from '@orch/core';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

/** The formats `renderReport` writes. */
export const REPORT_FORMATS = ['md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Parses user input (a CLI flag) into a ReportFormat; throws InputError `UNKNOWN_REPORT_FORMAT`. */
export function parseReportFormat(value: string): ReportFormat {
  const format = value.trim().toLowerCase();
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw new InputError(
    'UNKNOWN_REPORT_FORMAT',
    `Unknown report format "${value}". Use one of: ${REPORT_FORMATS.join(', ')}.`,
  );
}

/** Renders the report in the given format; throws InputError `UNKNOWN_REPORT_FORMAT` otherwise. */
export function renderReport(report: IntelligenceReport, format: ReportFormat): string {
  switch (parseReportFormat(format)) {
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
  }
}
