import {
  briefingOutputSchema,
  type Content,
  type DeceptionOutput,
  type FactCheck,
  type StageId,
  type StageOutputMap,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from './build-briefing.js';

const TEXT =
  'The council approved a 4% budget increase on Monday. Critics say that if we allow this, soon every tax will double. Everyone knows the mayor is wrong. Spending on parks rose 12% since 2021.';

function content(
  overrides: Partial<Content> = {},
  metadata: Partial<Content['metadata']> = {},
): Content {
  return {
    id: 'a'.repeat(64),
    kind: 'article',
    text: TEXT,
    segments: [],
    metadata: {
      source: { type: 'url', location: 'https://news.example.org/budget' },
      mediaType: 'text/html',
      byteLength: 2048,
      wordCount: 1234,
      title: 'Council passes budget',
      siteName: 'City News',
      acquiredAt: '2025-03-01T10:00:00.000Z',
      ...metadata,
    },
    ...overrides,
  };
}

const STANDARD: StageId[] = [
  'acquire',
  'quality-gate',
  'summarize',
  'claims',
  'sentiment',
  'fact-check',
  'fallacies',
  'deception',
  'briefing',
];

const cues: DeceptionOutput['linguisticCues'] = {
  hedges: 0,
  absolutes: 1,
  hedgeRate: 0,
  absoluteRate: 2.7,
  examples: ['every'],
};

function deception(score: number, label: DeceptionOutput['label'], basis: string): DeceptionOutput {
  return {
    method: 'formula',
    score,
    label,
    components: {
      factCheckScore: null,
      fallacyContribution: score,
      factChecksUsed: 0,
      distinctFallacyTypes: 2,
    },
    topContributors: [],
    linguisticCues: cues,
    threat: {
      level: score > 0.4 ? 'medium' : 'low',
      reason:
        score > 0.4
          ? `deception score ${score.toFixed(2)} is above 0.4`
          : `deception score ${score.toFixed(2)} is at most 0.4 and 2 fallacies found, at most 2`,
    },
    basis,
  };
}

/** The outputs of an offline standard run: heuristics everywhere, fact-check skipped. */
function offlineOutputs(): Partial<StageOutputMap> {
  return {
    'quality-gate': {
      method: 'heuristic',
      score: 0.8,
      passed: true,
      reasons: [],
      language: { code: 'en', confidence: 0.9 },
      metrics: {
        wordCount: 1234,
        characterCount: 7000,
        uniqueWordRatio: 0.5,
        repetitionRatio: 0.05,
        averageWordLength: 4.8,
      },
    },
    summarize: {
      method: 'heuristic',
      summary:
        'The council approved a 4% budget increase on Monday. Critics warned of higher taxes.',
      keyPoints: ['The council approved a 4% budget increase.'],
      topics: ['budget', 'taxes'],
      keywords: [{ term: 'budget', score: 0.9 }],
      entities: [],
    },
    claims: {
      method: 'heuristic',
      claims: [
        {
          id: 'c1',
          text: 'The council approved a 4% budget increase on Monday.',
          kinds: ['statistic', 'temporal'],
          checkWorthiness: 0.7,
        },
        {
          id: 'c2',
          text: 'Spending on parks rose 12% since 2021.',
          kinds: ['statistic'],
          checkWorthiness: 0.85,
        },
        { id: 'c3', text: 'Every tax will double.', kinds: ['causal'], checkWorthiness: 0.4 },
        {
          id: 'c4',
          text: 'The mayor signed it at noon.',
          kinds: ['temporal'],
          checkWorthiness: 0.3,
        },
      ],
    },
    sentiment: {
      method: 'heuristic',
      label: 'negative',
      score: -0.42,
      positiveShare: 0.1,
      negativeShare: 0.5,
      emotions: [
        { name: 'fear', score: 0.3 },
        { name: 'anger', score: 0.6 },
      ],
      rhetoric: [],
    },
    fallacies: {
      method: 'heuristic',
      fallacies: [
        {
          type: 'slippery-slope',
          quote: 'if we allow this, soon every tax will double',
          explanation: 'Predicts a chain of consequences without support.',
          confidence: 0.6,
        },
        {
          type: 'appeal-to-popularity',
          quote: 'Everyone knows the mayor is wrong',
          explanation: 'Treats popularity as proof.',
          confidence: 0.4,
        },
      ],
    },
    deception: deception(
      0.3,
      'low',
      'fallacy cues only: 2 fallacy types (no fact checks were available)',
    ),
  };
}

function factCheck(
  claimId: string,
  claim: string,
  verdict: FactCheck['verdict'],
  confidence: number,
): FactCheck {
  return {
    claimId,
    claim,
    verdict,
    confidence,
    basis: 'City budget record 2024',
    explanation: `The record shows the claim is ${verdict}.`,
    evidence: [{ quote: 'Parks: +3%', source: 'https://city.example.org/budget.pdf' }],
    sourceTrust: 1,
    salience: 1,
  };
}

const PLACEHOLDER =
  /goes here|sample|lorem|\[insert|\btodo\b|\btbd\b|placeholder|undefined|\bnull\b|NaN|\[object/i;

function allText(briefing: ReturnType<typeof buildBriefing>): string[] {
  return [briefing.executiveSummary, ...briefing.keyFindings, ...briefing.recommendations];
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"])/).length;
}

describe('buildBriefing on an offline standard run', () => {
  const briefing = buildBriefing({
    content: content(),
    outputs: offlineOutputs(),
    plannedStages: STANDARD,
  });

  it('validates against the briefing schema and is marked heuristic', () => {
    expect(briefingOutputSchema.parse(briefing)).toEqual(briefing);
    expect(briefing.method).toBe('heuristic');
  });

  it('writes an executive summary of 2-4 sentences from the data', () => {
    expect(briefing.executiveSummary).toBe(
      '"Council passes budget" is an article of 1,234 words from City News. The council approved a 4% budget increase on Monday. Deception score 0.30 (low); threat level low. The analysis found 4 check-worthy claims and 2 fallacy types.',
    );
    expect(sentenceCount(briefing.executiveSummary)).toBeGreaterThanOrEqual(2);
    expect(sentenceCount(briefing.executiveSummary)).toBeLessThanOrEqual(4);
  });

  it('lists data-backed findings with the quotes', () => {
    expect(briefing.keyFindings).toContain(
      'Deception score 0.30 (low): fallacy cues only: 2 fallacy types (no fact checks were available)',
    );
    expect(briefing.keyFindings).toContain(
      'Fallacy cues: slippery slope ("if we allow this, soon every tax will double"), appeal to popularity ("Everyone knows the mayor is wrong")',
    );
    expect(briefing.keyFindings).toContain(
      '4 check-worthy claims; the most check-worthy: "Spending on parks rose 12% since 2021." (check-worthiness 0.85)',
    );
    expect(briefing.keyFindings).toContain(
      'Sentiment negative (-0.42); strongest emotions: anger 0.60, fear 0.30',
    );
    expect(briefing.keyFindings).toContain('Topics: budget, taxes');
    expect(briefing.keyFindings.some((line) => line.startsWith('Fact checks'))).toBe(false);
  });

  it('recommends verifying the top 3 claims because fact checks are missing', () => {
    expect(briefing.recommendations[0]).toBe(
      'No fact checks were made: verify the top 3 claims against primary sources before relying on them: "Spending on parks rose 12% since 2021."; "The council approved a 4% budget increase on Monday."; "Every tax will double."',
    );
  });

  it('recommends caution with the quoted fallacious passages', () => {
    expect(briefing.recommendations).toContain(
      'Treat the 2 quoted passages flagged as fallacy cues with caution (slippery slope and appeal to popularity), for example "if we allow this, soon every tax will double": check whether the argument still holds without them.',
    );
  });

  it('does not raise alarms for a low deception score and a low threat', () => {
    expect(briefing.recommendations.join('\n')).not.toMatch(/deception score is|threat level is/);
  });

  it('names the planned analyses that produced no data', () => {
    expect(briefing.recommendations).toContain(
      '1 of 6 planned analyses produced no data (fact-check): see the stage table for the reasons before relying on this briefing alone.',
    );
  });

  it('computes completeness over analysis stages and confidence per evidence source', () => {
    // analysis stages: summarize, claims, sentiment, fact-check, fallacies, deception -> 5 of 6
    expect(briefing.confidence.dataCompleteness).toBe(0.8333);
    // fallacy mean (0.6 + 0.4) / 2 = 0.5 and quality 0.8 -> 0.65
    expect(briefing.confidence.overall).toBe(0.65);
  });

  it('grades B: a threat level (from the deception formula) and a transcript, no fact checks', () => {
    expect(briefing.grade).toBe('B');
  });

  it('contains no placeholder-like text', () => {
    for (const line of allText(briefing)) expect(line).not.toMatch(PLACEHOLDER);
  });
});

describe('buildBriefing with fact checks from a model', () => {
  const outputs: Partial<StageOutputMap> = {
    ...offlineOutputs(),
    fallacies: { method: 'llm', model: 'gpt-4o-mini', fallacies: [] },
    'fact-check': {
      method: 'llm',
      model: 'gpt-4o-mini',
      checks: [
        factCheck('c2', 'Spending on parks rose 12% since 2021.', 'refuted', 0.9),
        factCheck('c1', 'The council approved a 4% budget increase on Monday.', 'supported', 0.8),
        factCheck('c3', 'Every tax will double.', 'unverifiable', 0.4),
      ],
    },
    deception: deception(0.75, 'high', '3 fact checks; no fallacy cues were found'),
  };
  const briefing = buildBriefing({ content: content(), outputs, plannedStages: STANDARD });

  it('counts fact checks by verdict, worst first', () => {
    expect(briefing.keyFindings).toContain('Fact checks: 1 refuted, 1 unverifiable, 1 supported');
    expect(briefing.keyFindings).toContain(
      'Refuted (confidence 0.90): "Spending on parks rose 12% since 2021."; basis: City budget record 2024',
    );
    expect(briefing.executiveSummary).toContain(
      'The analysis found 4 check-worthy claims, 3 fact checks (1 refuted, 1 unverifiable, 1 supported) and no fallacy types.',
    );
  });

  it('says when a model found no fallacies', () => {
    expect(briefing.keyFindings).toContain('No fallacies were found');
  });

  it('asks for corrections of refuted claims and sources for unverifiable ones', () => {
    expect(briefing.recommendations).toContain(
      'Do not repeat the 1 refuted or misleading claim without a correction: "Spending on parks rose 12% since 2021."',
    );
    expect(briefing.recommendations).toContain(
      'Find primary sources for the 1 claim that could not be verified: "Every tax will double."',
    );
    expect(briefing.recommendations.join('\n')).not.toMatch(/No fact checks were made/);
  });

  it('warns when deception is high and when the threat level is raised', () => {
    expect(briefing.recommendations).toContain(
      'The deception score is high (0.75, from 3 fact checks; no fallacy cues were found): do not share or cite it without corrections from independent sources.',
    );
    expect(briefing.recommendations).toContain(
      'The threat level is medium (deception score 0.75 is above 0.4): watch where this content spreads and prepare a response to its strongest claims.',
    );
  });

  it('grades A with a threat level, fact checks and a transcript', () => {
    expect(briefing.grade).toBe('A');
    expect(briefing.confidence.dataCompleteness).toBe(1);
    // fact-check mean 0.7, fallacies none, quality 0.8 -> 0.75
    expect(briefing.confidence.overall).toBe(0.75);
  });
});

describe('buildBriefing rules for other data', () => {
  it('explains a failed quality gate in the summary, the findings and the recommendations', () => {
    const outputs: Partial<StageOutputMap> = {
      'quality-gate': {
        method: 'heuristic',
        score: 0.2,
        passed: false,
        reasons: ['the text has 40 words, fewer than 200', 'repetition ratio 0.35 is above 0.2'],
        language: { code: 'en', confidence: 0.5 },
        metrics: {
          wordCount: 40,
          characterCount: 210,
          uniqueWordRatio: 0.3,
          repetitionRatio: 0.35,
          averageWordLength: 4.2,
        },
      },
    };
    const briefing = buildBriefing({
      content: content({}, { wordCount: 40 }),
      outputs,
      plannedStages: STANDARD,
    });
    expect(briefing.executiveSummary).toContain(
      'The quality gate failed: the text has 40 words, fewer than 200.',
    );
    expect(briefing.keyFindings[0]).toBe(
      'Quality gate failed (score 0.20): the text has 40 words, fewer than 200; repetition ratio 0.35 is above 0.2',
    );
    expect(briefing.recommendations[0]).toMatch(
      /^The content was too short or noisy for reliable analysis \(the text has 40 words, fewer than 200; repetition ratio 0.35 is above 0.2\)/,
    );
    expect(briefing.confidence).toEqual({ overall: 0.2, dataCompleteness: 0 });
  });

  it('reports the threat stage with its manipulation indicators', () => {
    const briefing = buildBriefing({
      content: content(),
      outputs: {
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
      },
      plannedStages: [...STANDARD, 'threat'],
    });
    expect(briefing.keyFindings).toContain(
      'Threat level high (score 0.80, narrative integrity 0.40); manipulation indicators: fear appeal ("every tax will double")',
    );
    expect(briefing.recommendations).toContain(
      'The threat level is high (manipulation indicators: fear appeal): watch where this content spreads and prepare a response to its strongest claims.',
    );
    expect(briefing.executiveSummary).toContain('Threat level high.');
    expect(briefing.grade).toBe('B');
  });

  it('recommends cross-checking when deception is moderate', () => {
    const briefing = buildBriefing({
      content: content(),
      outputs: { deception: deception(0.45, 'moderate', '1 fact check and 1 fallacy type') },
      plannedStages: STANDARD,
    });
    expect(briefing.recommendations).toContain(
      'The deception score is moderate (0.45, from 1 fact check and 1 fallacy type): cross-check it against independent sources before sharing or citing it.',
    );
  });

  it('reports perspectives and contradictions and recommends acting on them', () => {
    const briefing = buildBriefing({
      content: content(),
      outputs: {
        perspectives: {
          method: 'llm',
          perspectives: [
            { viewpoint: 'council majority', summary: 'Backs the budget.', supportingQuotes: [] },
          ],
          bias: { score: 0.6, leaning: 'pro-council', indicators: [] },
          missingViewpoints: ['taxpayers', 'park users'],
        },
        'cross-reference': {
          method: 'llm',
          related: [{ itemId: 'm1', similarity: 0.8, reason: 'Same budget.' }],
          contradictions: [
            {
              claim: 'Parks rose 12%.',
              otherClaim: 'Parks rose 3%.',
              itemId: 'm1',
              explanation: 'Different figures.',
            },
          ],
        },
      },
      plannedStages: ['acquire', 'perspectives', 'cross-reference', 'briefing'],
    });
    expect(briefing.keyFindings).toContain(
      'Bias score 0.60, leaning pro-council; viewpoints: council majority; missing viewpoints: taxpayers and park users',
    );
    expect(briefing.keyFindings).toContain(
      'Contradiction: "Parks rose 12%." versus "Parks rose 3%."',
    );
    expect(briefing.recommendations).toContain(
      'Resolve the 1 contradiction with earlier items in memory before trusting either version.',
    );
    expect(briefing.recommendations).toContain(
      'Seek out the missing viewpoints: taxpayers and park users.',
    );
  });
});

describe('buildBriefing executive summary limits', () => {
  it('keeps at most 4 sentences, dropping the summary sentence first', () => {
    const outputs: Partial<StageOutputMap> = {
      ...offlineOutputs(),
      'quality-gate': {
        ...(offlineOutputs()['quality-gate'] as NonNullable<StageOutputMap['quality-gate']>),
        passed: false,
        score: 0.3,
        reasons: ['the transcript has 120 characters, fewer than 200'],
      },
    };
    const briefing = buildBriefing({
      content: content(
        { kind: 'media' },
        { title: 'Budget hearing', siteName: undefined, platform: 'YouTube', durationSeconds: 725 },
      ),
      outputs,
      plannedStages: STANDARD,
    });
    expect(briefing.executiveSummary).toBe(
      '"Budget hearing" is a recording of 1,234 words from YouTube (12 min 5 s). The quality gate failed: the transcript has 120 characters, fewer than 200. Deception score 0.30 (low); threat level low. The analysis found 4 check-worthy claims and 2 fallacy types.',
    );
  });
});

describe('buildBriefing on minimal input', () => {
  it('still writes two true sentences and no invented findings', () => {
    const briefing = buildBriefing({
      content: content(
        { kind: 'transcript' },
        { title: undefined, siteName: undefined, wordCount: 37 },
      ),
      outputs: {},
      plannedStages: ['acquire', 'quality-gate', 'briefing'],
    });
    expect(briefing.executiveSummary).toBe(
      'The analysed transcript has 37 words. No analysis stage produced data to report.',
    );
    expect(briefing.keyFindings).toEqual([]);
    expect(briefing.recommendations).toEqual([]);
    expect(briefing.confidence).toEqual({ overall: 0, dataCompleteness: 0 });
    expect(briefing.grade).toBe('C');
    expect(briefingOutputSchema.parse(briefing)).toEqual(briefing);
  });

  it('grades D and says so when the content has no text', () => {
    const briefing = buildBriefing({
      content: content(
        { text: '   ', kind: 'media' },
        { wordCount: 0, title: 'Silent clip', siteName: undefined, platform: 'YouTube' },
      ),
      outputs: {},
      plannedStages: ['acquire', 'transcribe', 'summarize', 'briefing'],
    });
    expect(briefing.executiveSummary).toBe(
      '"Silent clip" from YouTube has no readable text. No analysis stage produced data to report.',
    );
    expect(briefing.grade).toBe('D');
    expect(briefing.recommendations).toEqual([
      '1 of 1 planned analysis produced no data (summarize): see the stage table for the reasons before relying on this briefing alone.',
    ]);
    for (const line of allText(briefing)) expect(line).not.toMatch(PLACEHOLDER);
  });

  it('says a stage found nothing when it ran and returned empty lists', () => {
    const briefing = buildBriefing({
      content: content(),
      outputs: {
        claims: { method: 'heuristic', claims: [] },
        fallacies: { method: 'heuristic', fallacies: [] },
      },
      plannedStages: ['acquire', 'claims', 'fallacies', 'briefing'],
    });
    expect(briefing.keyFindings).toEqual([
      'No check-worthy claims were found',
      'No fallacy cues were found',
    ]);
    expect(briefing.recommendations).toEqual([]);
    expect(briefing.executiveSummary).toContain(
      'The analysis found 0 check-worthy claims and no fallacy types.',
    );
  });
});
