import { readFileSync } from 'node:fs';
import { DEPTHS, STAGE_IDS, type StageId } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { STAGE_CATALOG } from './stage-catalog.js';
import type { StageSpec } from './stage-spec.js';

const byId = new Map(STAGE_CATALOG.map((spec) => [spec.id, spec]));
const spec = (id: StageId): StageSpec => byId.get(id)!;

describe('STAGE_CATALOG', () => {
  it('holds every stage id of @orch/core in STAGE_IDS order', () => {
    expect(STAGE_CATALOG.map((stage) => stage.id)).toEqual([...STAGE_IDS]);
  });

  it('wires the dependencies of the design', () => {
    const links = Object.fromEntries(
      STAGE_CATALOG.map((stage) => [stage.id, [stage.dependsOn, stage.after]]),
    );
    expect(links).toEqual({
      acquire: [[], []],
      transcribe: [['acquire'], []],
      'quality-gate': [['acquire'], ['transcribe']],
      summarize: [['quality-gate'], []],
      claims: [['quality-gate'], []],
      sentiment: [['quality-gate'], []],
      'fact-check': [['claims'], []],
      fallacies: [['quality-gate'], []],
      deception: [['quality-gate'], ['fact-check', 'fallacies']],
      perspectives: [['quality-gate'], ['summarize']],
      threat: [['quality-gate'], ['deception', 'sentiment', 'fallacies']],
      'knowledge-graph': [['quality-gate'], []],
      'cross-reference': [['quality-gate'], ['claims', 'knowledge-graph']],
      'memory-write': [
        ['quality-gate'],
        ['summarize', 'claims', 'fact-check', 'knowledge-graph', 'cross-reference'],
      ],
      'speaker-profile': [['quality-gate'], ['fallacies', 'sentiment']],
      'second-opinion': [['fact-check'], []],
      briefing: [
        ['summarize'],
        [
          'claims',
          'sentiment',
          'fact-check',
          'fallacies',
          'deception',
          'perspectives',
          'threat',
          'knowledge-graph',
          'cross-reference',
          'speaker-profile',
          'second-opinion',
        ],
      ],
    });
  });

  it('marks the required, gated and media-only stages', () => {
    const where = (flag: 'required' | 'gated' | 'mediaOnly') =>
      STAGE_CATALOG.filter((stage) => stage[flag]).map((stage) => stage.id);
    expect(where('required')).toEqual([
      'acquire',
      'transcribe',
      'quality-gate',
      'summarize',
      'briefing',
    ]);
    expect(where('mediaOnly')).toEqual(['transcribe']);
    expect(where('gated')).toEqual([
      'claims',
      'sentiment',
      'fact-check',
      'fallacies',
      'deception',
      'perspectives',
      'threat',
      'knowledge-graph',
      'cross-reference',
      'speaker-profile',
      'second-opinion',
    ]);
  });

  it('calls no model in the stages that are code or formulas', () => {
    const offline = STAGE_CATALOG.filter((stage) => stage.estimate.llm === null).map(
      (stage) => stage.id,
    );
    expect(offline).toEqual(['acquire', 'transcribe', 'quality-gate', 'deception', 'memory-write']);
  });

  it('cannot be changed by a caller', () => {
    expect(() => {
      (spec('summarize').estimate as { baseMs: number }).baseMs = 1;
    }).toThrow(TypeError);
    expect(() => (STAGE_CATALOG as StageSpec[]).push(spec('acquire'))).toThrow(TypeError);
    expect(spec('summarize').estimate.baseMs).toBe(4000);
  });

  it('is documented, stage by stage, in the README table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // Table rows as trimmed cells, keyed by the stage id in the first cell.
    const rows = new Map(
      readme
        .slice(readme.indexOf('## The catalog'), readme.indexOf('## Estimate rules'))
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => {
          const cells = line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim());
          return [cells[0]!.replaceAll('`', ''), cells.slice(1)] as const;
        }),
    );
    const depthsLabel = (depths: readonly string[]): string =>
      depths.length === DEPTHS.length
        ? 'all'
        : depths.length === 1
          ? `${depths[0]} only`
          : `${depths[0]}+`;
    const list = (ids: readonly string[]): string => ids.join(', ') || '-';
    const flag = (value: boolean): string => (value ? 'yes' : 'no');
    expect([...rows.keys()]).toEqual([...STAGE_IDS]);
    for (const stage of STAGE_CATALOG) {
      const { llm } = stage.estimate;
      const tokens = llm
        ? [
            llm.inputTokensPer1kWords,
            llm.fixedInputTokens,
            llm.outputTokens,
            llm.inputTokensPerClaim ?? 0,
            llm.outputTokensPerClaim ?? 0,
          ].join(' / ')
        : 'no model';
      expect(rows.get(stage.id), stage.id).toEqual([
        stage.title,
        list(stage.dependsOn),
        list(stage.after),
        depthsLabel(stage.depths),
        flag(stage.required),
        flag(stage.gated),
        flag(stage.mediaOnly),
        String(stage.estimate.baseMs),
        String(stage.estimate.msPer1kWords),
        tokens,
      ]);
    }
  });
});
