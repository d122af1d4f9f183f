import {
  InputError,
  type IntelligenceReport,
  intelligenceReportSchema,
  ValidationError,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { renderJson } from './render-json.js';
import {
  parseReportFormat,
  REPORT_FORMATS,
  type ReportFormat,
  renderReport,
} from './render-report.js';

const report: IntelligenceReport = intelligenceReportSchema.parse({
  schemaVersion: 1,
  runId: 'run-9',
  createdAt: '2025-03-01T10:00:01.000Z',
  depth: 'quick',
  tenant: { tenantId: 'local' },
  status: 'completed',
  source: {
    type: 'file',
    location: '/data/notes | draft.txt',
    contentId: 'd'.repeat(64),
    kind: 'document',
    mediaType: 'text/plain',
    wordCount: 300,
  },
  analysis: {
    mode: 'offline',
    notice: 'Analysed offline with heuristics and formulas: no language model was used.',
  },
  summary: {
    method: 'heuristic',
    summary: 'Notes on the "draft" plan.',
    keyPoints: [],
    topics: [],
    keywords: [],
    entities: [],
  },
  stages: [{ id: 'summarize', status: 'ok', durationMs: 12, method: 'heuristic' }],
  warnings: [],
  timings: {
    startedAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:00:01.000Z',
    durationMs: 1000,
    stageTimeMs: 12,
  },
});

describe('renderJson', () => {
  it('writes pretty JSON with a trailing newline that parses back and validates', () => {
    const json = renderJson(report);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json).toContain('\n  "runId": "run-9",\n');
    const parsed: unknown = JSON.parse(json);
    expect(intelligenceReportSchema.parse(parsed)).toEqual(report);
  });

  it('refuses a report that fails its schema, naming the field', () => {
    const broken = { ...report, depth: 'bottomless' } as unknown as IntelligenceReport;
    expect(() => renderJson(broken)).toThrow(ValidationError);
    expect(() => renderJson(broken)).toThrow(/depth/);
    try {
      renderJson(broken);
    } catch (error) {
      expect((error as ValidationError).code).toBe('REPORT_INVALID');
    }
  });
});

describe('renderReport', () => {
  it('renders each format it lists', () => {
    expect(REPORT_FORMATS).toEqual(['md', 'json']);
    expect(renderReport(report, 'json')).toBe(renderJson(report));
    const markdown = renderReport(report, 'md');
    expect(markdown.startsWith('# /data/notes \\| draft.txt\n')).toBe(true);
    expect(markdown).toContain('## Summary (heuristic)\n\nNotes on the "draft" plan.');
  });

  it('throws UNKNOWN_REPORT_FORMAT for a format it does not know', () => {
    expect(() => renderReport(report, 'html' as ReportFormat)).toThrow(InputError);
    expect(() => renderReport(report, 'html' as ReportFormat)).toThrow(/Use one of: md, json/);
  });

  it('parses a user-given format, case-insensitively, and names the choices otherwise', () => {
    expect(parseReportFormat(' JSON ')).toBe('json');
    expect(parseReportFormat('md')).toBe('md');
    expect(() => parseReportFormat('pdf')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_REPORT_FORMAT',
        message: expect.stringMatching(/"pdf".*md, json/),
      }),
    );
  });
});
