import { describe, expect, it } from 'vitest';
import { runEventSchema } from './events.js';
import {
  intelligenceReportJsonSchema,
  intelligenceReportSchema,
  REPORT_SECTION_BY_STAGE,
} from './report.js';

describe('IntelligenceReport', () => {
  it('exports a JSON Schema with every section and the required core fields', () => {
    const schema = intelligenceReportJsonSchema() as {
      $schema: string;
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    for (const section of Object.values(REPORT_SECTION_BY_STAGE))
      expect(schema.properties).toHaveProperty(section);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'runId', 'depth', 'source', 'stages', 'timings']),
    );
    expect(schema.required).not.toContain('summary');
  });

  it('rejects a report with an unknown status or a missing source', () => {
    expect(intelligenceReportSchema.safeParse({ schemaVersion: 1, status: 'failed' }).success).toBe(
      false,
    );
  });
});

describe('RunEvent', () => {
  it('parses each event kind and rejects unknown ones', () => {
    const base = { runId: 'r1', at: '2026-11-24T00:00:00.000Z' };
    expect(
      runEventSchema.parse({
        ...base,
        type: 'stage-finish',
        stage: 'claims',
        status: 'ok',
        durationMs: 4,
        progress: 0.5,
      }),
    ).toMatchObject({ type: 'stage-finish', stage: 'claims' });
    expect(
      runEventSchema.safeParse({
        ...base,
        type: 'stage-finish',
        stage: 'claims',
        status: 'ok',
        durationMs: 4,
        progress: 2,
      }).success,
    ).toBe(false);
    expect(
      runEventSchema.safeParse({ ...base, type: 'stage-teleport', stage: 'claims' }).success,
    ).toBe(false);
  });
});
