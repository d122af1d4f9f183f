import {
  type Content,
  type IntelligenceReport,
  intelligenceReportSchema,
  METHODS,
  type Method,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_BY_STAGE,
  type ReportCost,
  type ReportRecovery,
  type ReportSectionKey,
  type RunRequest,
  type StageId,
  type StageRecord,
  type StepResult,
  stageOutputSchemas,
  type TenantContext,
  ValidationError,
} from '@orch/core';
import { analysisOf } from './internal/analysis-mode.js';

/** What the composer of a run knows beyond the stage results: spend, recovery, fallbacks. */
export interface ReportAnnotations {
  /** Run-level warnings to put first (budget notices, fallbacks). */
  readonly warnings?: readonly string[];
  /** Stages whose output came from a fallback (e.g. the heuristic after the model failed). */
  readonly degradedStages?: readonly StageId[];
  readonly cost?: ReportCost;
  readonly recovery?: ReportRecovery;
}

export interface BuildReportInput extends ReportAnnotations {
  readonly runId: string;
  readonly request: RunRequest;
  readonly tenant: TenantContext;
  /** The analysed content (the transcript for media). */
  readonly content: Content;
  /** Every stage result of the run, in plan order (the map's insertion order). */
  readonly results: ReadonlyMap<StageId, StepResult<unknown>>;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

function sectionKeyOf(stage: StageId): ReportSectionKey | undefined {
  return Object.hasOwn(REPORT_SECTION_BY_STAGE, stage)
    ? REPORT_SECTION_BY_STAGE[stage as keyof typeof REPORT_SECTION_BY_STAGE]
    : undefined;
}

function provenanceOf(data: unknown): Pick<StageRecord, 'method' | 'model'> {
  if (typeof data !== 'object' || data === null) return {};
  const { method, model } = data as { method?: unknown; model?: unknown };
  return {
    ...((METHODS as readonly unknown[]).includes(method) ? { method: method as Method } : {}),
    ...(typeof model === 'string' && model.length > 0 ? { model } : {}),
  };
}

function isoOf(date: Date, name: string, runId: string): string {
  if (Number.isNaN(date.getTime())) {
    throw new ValidationError(
      'REPORT_INVALID',
      `The report of run ${runId} has an invalid ${name} date. Pass the Date the run actually ${name === 'startedAt' ? 'started' : 'finished'}.`,
      { details: { field: name } },
    );
  }
  return date.toISOString();
}

function issuesText(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
}

function sourceOf(content: Content): IntelligenceReport['source'] {
  const { metadata } = content;
  const optional = {
    title: metadata.title,
    author: metadata.author,
    publishedAt: metadata.publishedAt,
    siteName: metadata.siteName,
    platform: metadata.platform,
    language: metadata.language,
    durationSeconds: metadata.durationSeconds,
  };
  return {
    type: metadata.source.type,
    location: metadata.source.location,
    contentId: content.id,
    kind: content.kind,
    mediaType: metadata.mediaType,
    wordCount: metadata.wordCount,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/**
 * Assembles the validated IntelligenceReport of a run: each stage's data in its section,
 * a record per stage, the analysis mode with its notice, warnings and timings.
 * Throws ValidationError `REPORT_INVALID` when the assembled report fails its schema.
 */
export function buildIntelligenceReport(input: BuildReportInput): IntelligenceReport {
  const { runId } = input;
  const startedAt = isoOf(input.startedAt, 'startedAt', runId);
  const finishedAt = isoOf(input.finishedAt, 'finishedAt', runId);

  const sections: Partial<Record<ReportSectionKey, unknown>> = {};
  const sectionMethods = new Map<ReportSectionKey, Method>();
  const stages: StageRecord[] = [];
  const warnings = (input.warnings ?? []).map((line) => line.trim()).filter(Boolean);
  let stageTimeMs = 0;

  for (const [stage, result] of input.results) {
    const durationMs = Math.max(0, result.timings.durationMs);
    stageTimeMs += durationMs;
    const base = {
      id: stage,
      durationMs,
      ...(input.degradedStages?.includes(stage) ? { degraded: true } : {}),
    };

    if (result.status === 'skip') {
      stages.push({ ...base, status: 'skip', reason: result.reason });
      continue;
    }
    if (result.status === 'fail') {
      stages.push({ ...base, status: 'fail', error: result.error });
      warnings.push(`Stage "${stage}" failed (${result.error.code}): ${result.error.message}`);
      continue;
    }

    let data: unknown = result.data;
    const key = sectionKeyOf(stage);
    if (key) {
      const parsed = stageOutputSchemas[stage].safeParse(result.data);
      if (!parsed.success) {
        const message = `The output of stage "${stage}" failed its schema (${issuesText(parsed.error.issues).join('; ')}), so its section was left out.`;
        stages.push({
          ...base,
          status: 'fail',
          error: {
            code: 'STAGE_OUTPUT_INVALID',
            category: 'validation',
            message,
            retryable: false,
            stage,
          },
        });
        warnings.push(message);
        continue;
      }
      data = parsed.data;
      sections[key] = data;
      const { method } = provenanceOf(data);
      if (method) sectionMethods.set(key, method);
    }
    if (result.status === 'uncertain') {
      stages.push({ ...base, status: 'uncertain', reason: result.reason, ...provenanceOf(data) });
      warnings.push(`Stage "${stage}" is uncertain: ${result.reason}`);
    } else {
      stages.push({ ...base, status: 'ok', ...provenanceOf(data) });
    }
  }

  const candidate = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId,
    createdAt: finishedAt,
    depth: input.request.depth,
    tenant: input.tenant,
    status: stages.some((record) => record.status === 'fail' || record.degraded === true)
      ? 'degraded'
      : 'completed',
    source: sourceOf(input.content),
    analysis: analysisOf(sectionMethods, input.results, input.degradedStages),
    ...sections,
    stages,
    warnings,
    ...(input.cost === undefined ? {} : { cost: input.cost }),
    ...(input.recovery === undefined ? {} : { recovery: input.recovery }),
    timings: {
      startedAt,
      finishedAt,
      durationMs: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
      stageTimeMs,
    },
  };

  const parsed = intelligenceReportSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = issuesText(parsed.error.issues);
    throw new ValidationError(
      'REPORT_INVALID',
      `The report of run ${runId} failed its schema (${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}: ${issues.join('; ')}). The run's data is malformed: check the stage named in the path, and report it with the run id if it came from orch itself.`,
      { details: { runId, issues } },
    );
  }
  return parsed.data;
}
