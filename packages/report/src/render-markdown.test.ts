import { type IntelligenceReport, intelligenceReportSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.js';

/** A full report with every section and user text that tries to break the layout. */
function fullReport(): IntelligenceReport {
  return intelligenceReportSchema.parse({
    schemaVersion: 1,
    runId: 'run_42',
    createdAt: '2025-03-01T10:00:04.500Z',
    depth: 'experimental',
    tenant: { tenantId: 'guild_1234' },
    status: 'degraded',
    source: {
      type: 'url',
      location: 'https://video.example.org/watch?v=a_b',
      contentId: 'c'.repeat(64),
      kind: 'media',
      mediaType: 'video/mp4',
      wordCount: 4321,
      title: '#1 budget | `vote` *live*',
      platform: 'ExampleTube',
      durationSeconds: 3800,
    },
    analysis: {
      mode: 'mixed',
      notice: 'Partly analysed with a language model: claims came from offline heuristics.',
    },
    quality: {
      method: 'heuristic',
      score: 0.82,
      passed: true,
      reasons: [],
      language: { code: 'en', confidence: 0.9 },
      metrics: {
        wordCount: 4321,
        characterCount: 24000,
        uniqueWordRatio: 0.42,
        repetitionRatio: 0.05,
        averageWordLength: 4.6,
      },
    },
    summary: {
      method: 'llm',
      model: 'gpt-4o-mini',
      summary: 'The council debated the budget.',
      keyPoints: ['A 4% increase passed.'],
      topics: ['budget'],
      keywords: [{ term: 'budget', score: 0.9 }],
      entities: [{ text: 'Council', type: 'organization', count: 3 }],
    },
    claims: {
      method: 'heuristic',
      claims: [
        {
          id: 'c1',
          text: 'Parks rose 12% since 2021.',
          kinds: ['statistic', 'temporal'],
          checkWorthiness: 0.85,
          startSeconds: 83,
        },
        {
          id: 'c2',
          text: 'Taxes will double.',
          kinds: ['causal'],
          checkWorthiness: 0.4,
          startSeconds: 3723,
          speaker: 'Mayor',
        },
      ],
    },
    factChecks: {
      method: 'llm',
      model: 'gpt-4o-mini',
      checks: [
        {
          claimId: 'c1',
          claim: 'Parks rose 12% since 2021.',
          verdict: 'refuted',
          confidence: 0.9,
          basis: 'City budget 2024',
          explanation: 'The budget shows 3%.',
          evidence: [{ quote: 'Parks: +3%', source: 'https://city.example.org/budget.pdf' }],
        },
      ],
    },
    secondOpinion: {
      method: 'llm',
      model: 'other-model',
      reviews: [
        {
          claimId: 'c1',
          originalVerdict: 'refuted',
          secondVerdict: 'refuted',
          reconciledVerdict: 'refuted',
          reconciledConfidence: 0.92,
          explanation: 'Both agree.',
        },
      ],
      agreementRate: 1,
    },
    fallacies: {
      method: 'heuristic',
      fallacies: [
        {
          type: 'slippery-slope',
          quote: 'if we allow this | soon *every* tax\nwill double',
          explanation: 'Predicts a chain of consequences without support.',
          confidence: 0.6,
          startSeconds: 125,
        },
      ],
    },
    sentiment: {
      method: 'heuristic',
      label: 'negative',
      score: -0.42,
      positiveShare: 0.1,
      negativeShare: 0.5,
      emotions: [{ name: 'anger', score: 0.6 }],
      rhetoric: [{ device: 'rhetorical question', quote: 'Who pays for this?' }],
    },
    deception: {
      method: 'formula',
      score: 0.85,
      label: 'high',
      components: {
        factCheckScore: 0.7,
        fallacyContribution: 0.15,
        factChecksUsed: 1,
        distinctFallacyTypes: 1,
      },
      topContributors: [
        { claim: 'Parks rose 12% since 2021.', verdict: 'refuted', contribution: 0.7 },
      ],
      linguisticCues: {
        hedges: 2,
        absolutes: 3,
        hedgeRate: 0.05,
        absoluteRate: 0.07,
        examples: ['always', 'never'],
      },
      threat: { level: 'high', reason: 'deception score 0.85 is above 0.7' },
      basis: '1 fact check and 1 fallacy type',
    },
    threat: {
      method: 'llm',
      model: 'gpt-4o-mini',
      score: 0.8,
      level: 'high',
      narrativeIntegrity: 0.4,
      manipulationIndicators: [
        {
          type: 'fear appeal',
          quote: 'every tax will double',
          explanation: 'Raises fear of costs.',
        },
      ],
    },
    perspectives: {
      method: 'llm',
      model: 'gpt-4o-mini',
      perspectives: [
        {
          viewpoint: 'council majority',
          summary: 'Backs the budget.',
          supportingQuotes: ['We need parks.'],
        },
      ],
      bias: { score: 0.6, leaning: 'pro-council', indicators: [] },
      missingViewpoints: ['taxpayers'],
    },
    knowledgeGraph: {
      method: 'heuristic',
      entities: [
        { id: 'e1', name: 'Council', type: 'organization', mentions: 3 },
        { id: 'e2', name: 'Mayor', type: 'person', mentions: 5 },
      ],
      relations: [
        {
          source: 'e2',
          target: 'e1',
          predicate: 'addressed',
          evidence: 'The mayor addressed the council.',
        },
      ],
    },
    crossReference: {
      method: 'llm',
      model: 'gpt-4o-mini',
      related: [
        { itemId: 'm1', title: 'Budget 2023', similarity: 0.8, reason: 'Same budget line.' },
      ],
      contradictions: [],
    },
    memory: {
      method: 'heuristic',
      namespace: 'guild_1234/default',
      vectorChunks: 12,
      graphFacts: 4,
    },
    speakerProfile: {
      method: 'llm',
      model: 'gpt-4o-mini',
      speakers: [
        {
          name: 'Mayor',
          style: ['assertive'],
          persuasionTechniques: [{ technique: 'fear', quote: 'every tax will double' }],
        },
      ],
    },
    briefing: {
      method: 'heuristic',
      executiveSummary: '"#1 budget" is a recording of 4,321 words. Deception score 0.85 (high).',
      keyFindings: ['Deception score 0.85 (high): 1 fact check and 1 fallacy type'],
      recommendations: [],
      confidence: { overall: 0.75, dataCompleteness: 0.9 },
      grade: 'A',
    },
    stages: [
      { id: 'acquire', status: 'ok', durationMs: 95_000 },
      { id: 'transcribe', status: 'ok', durationMs: 240_000 },
      {
        id: 'claims',
        status: 'uncertain',
        durationMs: 850,
        reason: 'Model reply cut off | heuristic claims used',
        method: 'heuristic',
      },
      { id: 'fact-check', status: 'ok', durationMs: 4200, method: 'llm', model: 'gpt-4o-mini' },
      {
        id: 'fallacies',
        status: 'fail',
        durationMs: 30_000,
        error: {
          code: 'PROVIDER_TIMEOUT',
          category: 'timeout',
          message: 'No answer within 30 s.',
          retryable: true,
          stage: 'fallacies',
        },
      },
      {
        id: 'memory-write',
        status: 'skip',
        durationMs: 0,
        reason: 'No memory store is configured.',
      },
    ],
    warnings: ['Stage "fallacies" failed (PROVIDER_TIMEOUT): No answer within 30 s.'],
    timings: {
      startedAt: '2025-03-01T10:00:00.000Z',
      finishedAt: '2025-03-01T10:06:00.000Z',
      durationMs: 360_000,
      stageTimeMs: 370_050,
    },
  });
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('## '));
}

/** Splits a table row on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(fullReport());

  it('renders every section in order, each heading saying how it was made', () => {
    expect(headings(markdown)).toEqual([
      '## Briefing (heuristic)',
      '## Summary (model: gpt-4o-mini)',
      '## Claims (heuristic)',
      '## Fact checks (model: gpt-4o-mini)',
      '## Second opinion (model: other-model)',
      '## Fallacies (heuristic cues)',
      '## Sentiment (heuristic)',
      '## Deception score (formula)',
      '## Threat level (model: gpt-4o-mini)',
      '## Perspectives (model: gpt-4o-mini)',
      '## Knowledge graph (heuristic)',
      '## Cross-reference (model: gpt-4o-mini)',
      '## Speaker profile (model: gpt-4o-mini)',
      '## Memory (heuristic)',
      '## Quality (heuristic)',
      '## Stages',
      '## Warnings',
    ]);
  });

  it('escapes the title so it stays one heading', () => {
    const [title, metadata] = markdown.split('\n\n');
    expect(title).toBe('# \\#1 budget \\| \\`vote\\` \\*live\\*');
    expect(metadata).toBe(
      'Source: <https://video.example.org/watch?v=a_b> · Site: ExampleTube · Duration: 01:03:20 · Depth: experimental · Words: 4,321 · Date: 2025-03-01 · Run: run\\_42 · Status: degraded',
    );
  });

  it('shows the analysis notice as a blockquote', () => {
    expect(markdown).toContain(
      '\n> Partly analysed with a language model: claims came from offline heuristics.\n',
    );
  });

  it('quotes fallacies exactly, escaped and on one line, as a blockquote in their item', () => {
    expect(markdown).toContain(
      '1. **Slippery slope** (confidence 0.60, at 02:05)\n\n   > if we allow this \\| soon \\*every\\* tax will double\n\n   Predicts a chain of consequences without support.',
    );
  });

  it('numbers claims with check-worthiness, kinds and mm:ss or hh:mm:ss timestamps', () => {
    expect(markdown).toContain(
      '1. “Parks rose 12% since 2021.” (check-worthiness 0.85; statistic, temporal; at 01:23)',
    );
    expect(markdown).toContain(
      '2. “Taxes will double.” (check-worthiness 0.40; causal; at 01:02:03; speaker Mayor)',
    );
  });

  it('shows each fact check with verdict, confidence, basis, explanation and evidence', () => {
    expect(markdown).toContain(
      [
        '1. **Refuted** (confidence 0.90): “Parks rose 12% since 2021.”',
        '   - Basis: City budget 2024',
        '   - Explanation: The budget shows 3%.',
        '   - Evidence: “Parks: +3%” (https://city.example.org/budget.pdf)',
      ].join('\n'),
    );
  });

  it('shows the deception score with its components, contributors and cues', () => {
    expect(markdown).toContain('**0.85** (high): 1 fact check and 1 fallacy type');
    expect(markdown).toContain('- Fact-check score: 0.70 from 1 fact check');
    expect(markdown).toContain('- Fallacy contribution: 0.15 from 1 distinct fallacy type');
    expect(markdown).toContain('1. “Parks rose 12% since 2021.”: refuted, contribution 0.70');
    expect(markdown).toContain(
      'Linguistic cues (reported, not part of the score): 2 hedges (0.05 per 100 words), 3 absolutes (0.07 per 100 words); examples: “always”, “never”.',
    );
  });

  it('prefers the threat stage over the deception threat level', () => {
    expect(markdown).toContain('**High** (score 0.80; narrative integrity 0.40)');
    expect(markdown).toContain('- fear appeal: “every tax will double”. Raises fear of costs.');
  });

  it('keeps summary facts out of the key points list', () => {
    expect(markdown).toContain(
      '**Key points**\n\n- A 4% increase passed.\n\nTopics: budget\n\nKeywords: budget (0.90)\n\nEntities: Council (organization, 3)',
    );
  });

  it('names relation ends by entity name, most mentioned entity first', () => {
    expect(markdown).toContain(
      '- Mayor (person, 5 mentions)\n- Council (organization, 3 mentions)',
    );
    expect(markdown).toContain('- Mayor → addressed → Council: “The mayor addressed the council.”');
  });

  it('renders a stage table whose rows keep five cells even with pipes in notes', () => {
    const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[0]).toBe('| Stage | Status | Time | Method / model | Note |');
    expect(rows[1]).toBe('| --- | --- | --- | --- | --- |');
    const body = rows.slice(2).map(cells);
    for (const row of body) expect(row).toHaveLength(5);
    expect(body).toEqual([
      ['acquire', 'ok', '1 min 35 s', '', ''],
      ['transcribe', 'ok', '4 min', '', ''],
      [
        'claims',
        'uncertain',
        '850 ms',
        'heuristic',
        'Model reply cut off \\| heuristic claims used',
      ],
      ['fact-check', 'ok', '4.2 s', 'llm (gpt-4o-mini)', ''],
      ['fallacies', 'fail', '30.0 s', '', 'PROVIDER\\_TIMEOUT: No answer within 30 s.'],
      ['memory-write', 'skip', '0 ms', '', 'No memory store is configured.'],
    ]);
  });

  it('ends with warnings and a footer comparing wall time with stage time', () => {
    expect(markdown).toContain(
      '## Warnings\n\n- Stage "fallacies" failed (PROVIDER\\_TIMEOUT): No answer within 30 s.',
    );
    expect(markdown.trimEnd().split('\n').at(-1)).toBe(
      "Wall time 6 min; stage time 6 min 10 s (the sum of every stage's own duration, what a sequential run would take). Started 2025-03-01T10:00:00.000Z, finished 2025-03-01T10:06:00.000Z. Report schema version 1.",
    );
    expect(markdown.endsWith('\n')).toBe(true);
  });
});

describe('renderMarkdown of a model run with spend, recovery and a fallback', () => {
  const report: IntelligenceReport = {
    ...fullReport(),
    status: 'degraded',
    stages: [
      {
        id: 'summarize',
        status: 'uncertain',
        durationMs: 20,
        method: 'heuristic',
        degraded: true,
        reason: 'The model failed; heuristic used.',
      },
    ],
    cost: { capUsd: 1.5, spentUsd: 0.0042, calls: 9, unpricedModels: ['llama3.1'], byStage: {} },
    recovery: {
      attempts: 12,
      retries: 3,
      timeouts: 1,
      waitMs: 2500,
      rejections: 2,
      fallbacks: 1,
      breakerTransitions: [
        {
          key: 'api.openai.com/gpt-4o-mini',
          from: 'closed',
          to: 'open',
          at: '2025-03-01T10:01:00.000Z',
        },
      ],
    },
  };
  const markdown = renderMarkdown(report);

  it('states the spend against the cap and says when it is a lower bound', () => {
    expect(markdown).toContain(
      'Cost $0.0042 of the $1.50 cap over 9 model calls. Calls to llama3.1 have no known price and are not counted: the spend is a lower bound.',
    );
  });

  it('states what recovery did, circuit changes included', () => {
    expect(markdown).toContain(
      'Recovery: 12 attempts, 3 retries (waited 2.5 s), 1 timeout, 1 model fallback, 2 calls refused by an open circuit; circuit changes: api.openai.com/gpt-4o-mini closed → open.',
    );
  });

  it('marks the fallback stage and the degraded run', () => {
    expect(markdown).toContain('| summarize | uncertain | 20 ms | heuristic — fallback |');
    expect(markdown).toContain('Status: degraded');
  });
});

describe('renderMarkdown on a small offline report', () => {
  function offlineReport(): IntelligenceReport {
    const full = fullReport();
    return {
      schemaVersion: 1,
      runId: 'run-7',
      createdAt: full.createdAt,
      depth: 'standard',
      tenant: full.tenant,
      status: 'completed',
      source: {
        type: 'text',
        location: 'inline text',
        contentId: full.source.contentId,
        kind: 'transcript',
        mediaType: 'text/plain',
        wordCount: 52,
      },
      analysis: {
        mode: 'offline',
        notice:
          'Analysed offline with heuristics: no language model was configured, so claims are listed as check-worthy but not fact-checked.',
      },
      claims: { method: 'heuristic', claims: [] },
      fallacies: { method: 'heuristic', fallacies: [] },
      deception: full.deception && {
        ...full.deception,
        score: 0,
        label: 'low',
        components: {
          factCheckScore: null,
          fallacyContribution: 0,
          factChecksUsed: 0,
          distinctFallacyTypes: 0,
        },
        topContributors: [],
        linguisticCues: { hedges: 0, absolutes: 0, hedgeRate: 0, absoluteRate: 0, examples: [] },
        threat: {
          level: 'low',
          reason: 'deception score 0.00 is at most 0.4 and 0 fallacies found, at most 2',
        },
        basis: 'nothing to score: no fallacy cues were found and no fact checks were available',
      },
      stages: [
        {
          id: 'fact-check',
          status: 'skip',
          durationMs: 0,
          reason: 'Fact-checking was skipped: it needs a language model.',
        },
      ],
      warnings: [],
      timings: full.timings,
    };
  }
  const markdown = renderMarkdown(offlineReport());

  it('uses the location as the title and leaves absent sections out', () => {
    expect(markdown.startsWith('# inline text\n')).toBe(true);
    expect(headings(markdown)).toEqual([
      '## Claims (heuristic)',
      '## Fallacies (heuristic cues)',
      '## Deception score (formula)',
      '## Threat level (formula)',
      '## Stages',
    ]);
  });

  it('says in one line when a section has no items', () => {
    expect(markdown).toContain('## Claims (heuristic)\n\nNo check-worthy claims found.\n');
    expect(markdown).toContain('## Fallacies (heuristic cues)\n\nNo fallacy cues found.\n');
    expect(markdown).toContain('- Fact-check score: none (no fact checks carried weight)');
  });

  it('takes the threat level from the deception score when there is no threat stage', () => {
    expect(markdown).toContain(
      '## Threat level (formula)\n\n**Low**: deception score 0.00 is at most 0.4 and 0 fallacies found, at most 2.',
    );
  });

  it('writes no warnings section when there are none', () => {
    expect(markdown).not.toContain('## Warnings');
  });
});
