import type { StageId, StageImplementation, StageInput, StageOutputMap } from '@orch/core';
import { countTokens } from '@orch/llm';
import { type ChatRequest, type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentStages, DEFAULT_CHUNK_TOKENS } from './create-agent-stages.js';
import { CREW } from './crew.js';
import {
  articleContent,
  clientFor,
  messagesOf,
  sourceBlocks,
  stageContext,
} from './internal/test-support.js';

/** Room for the role, instructions, markers and repair notes around the source. */
const PROMPT_OVERHEAD_TOKENS = 1500;

const paragraphs = Array.from({ length: 1500 }, (_, index) => {
  const district = (index % 40) + 1;
  return `The committee of district ${district} reported ${index * 3} new homes in report ${index}. Residents of district ${district} said the works were slow but the streets were cleaner.`;
});
const content = articleContent(paragraphs);

/** The sentences of the source block of a request: quotes that really occur in the source. */
function sentences(request: ChatRequest): string[] {
  const user = messagesOf(request).find((message) => message.role === 'user')?.content ?? '';
  const block = sourceBlocks(user)[0] ?? '';
  return [...block.matchAll(/[^.]+\./g)].map((match) => match[0].trim());
}

function firstSentence(request: ChatRequest): string {
  return sentences(request)[0] ?? '';
}

const handlers = {
  orch_summarize: {
    summary: 'The committee reported new homes and residents said the works were slow.',
    keyPoints: ['The committee reported new homes.'],
    topics: ['housing'],
    keywords: [{ term: 'homes', score: 0.8 }],
    entities: [{ text: 'committee', type: 'organization', count: 3 }],
  },
  orch_claims: (request: ChatRequest) => ({
    claims: [
      { text: sentences(request)[0], speaker: null, kinds: ['statistic'], checkWorthiness: 0.8 },
      { text: sentences(request)[1], speaker: null, kinds: ['attribution'], checkWorthiness: 0.5 },
    ],
  }),
  orch_fallacies: (request: ChatRequest) => ({
    fallacies: [
      {
        type: 'hasty-generalization',
        quote: firstSentence(request),
        explanation: 'One report.',
        confidence: 0.3,
      },
    ],
  }),
  orch_knowledge_graph: (request: ChatRequest) => ({
    entities: [{ id: 'committee', name: 'committee', type: 'organization', mentions: 1 }],
    relations: [
      {
        source: 'committee',
        target: 'committee',
        predicate: 'reported',
        evidence: firstSentence(request),
      },
    ],
  }),
  orch_sentiment: {
    label: 'mixed',
    score: 0,
    positiveShare: 0.5,
    negativeShare: 0.5,
    emotions: [],
    rhetoric: [],
  },
  orch_fact_check: (request: ChatRequest) => ({
    checks: [
      {
        claimId: 'c1',
        claim: firstSentence(request),
        verdict: 'unverifiable',
        confidence: 0.3,
        basisKind: 'none',
        basis: 'no records at hand',
        explanation: 'The housing records are not available.',
        evidence: [],
      },
    ],
  }),
  orch_briefing: {
    executiveSummary: 'The committee reported new homes; nothing could be verified.',
    keyFindings: ['Residents said the works were slow.'],
    recommendations: ['Obtain the housing records.'],
    confidence: { overall: 0.4, dataCompleteness: 0.5 },
    grade: 'C',
  },
};

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ handlers });
});

afterAll(async () => {
  await fake.close();
});

async function run<S extends StageId>(
  stages: ReturnType<typeof createAgentStages>,
  stage: S,
  outputs: Partial<StageOutputMap>,
) {
  const implementation = stages[stage] as StageImplementation<S> | undefined;
  if (!implementation) throw new Error(`no implementation for ${stage}`);
  const input: StageInput = {
    request: { source: { type: 'text', text: 'x' }, depth: 'standard' },
    outputs,
  };
  return implementation(input, stageContext(stage));
}

describe('long sources', () => {
  it('keeps every request within chunkTokens plus a fixed prompt overhead', {
    timeout: 60_000,
  }, async () => {
    expect(content.text.split(/\s+/).length).toBeGreaterThan(30_000);
    expect(countTokens(content.text)).toBeGreaterThan(DEFAULT_CHUNK_TOKENS * 4);
    const stages = createAgentStages({ client: clientFor(fake.url) });
    const outputs: Partial<StageOutputMap> = { acquire: content };
    for (const stage of [
      'summarize',
      'claims',
      'fallacies',
      'knowledge-graph',
      'sentiment',
    ] as const) {
      const outcome = await run(stages, stage, outputs);
      expect(outcome.status, stage).toBe('ok');
      if (outcome.status === 'ok') Object.assign(outputs, { [stage]: outcome.data });
    }
    for (const stage of ['fact-check', 'briefing'] as const) {
      const outcome = await run(stages, stage, outputs);
      expect(outcome.status, stage).toBe('ok');
    }

    for (const stage of ['claims', 'fallacies', 'knowledge-graph'] as const) {
      expect(fake.requestsFor(CREW[stage].schemaName).length, stage).toBeGreaterThan(4);
    }
    // One request per chunk plus the reduce request.
    expect(fake.requestsFor('orch_summarize').length).toBe(
      fake.requestsFor('orch_claims').length + 1,
    );
    for (const request of fake.requests) {
      const tokens = countTokens(
        messagesOf(request.body)
          .map((message) => message.content)
          .join('\n'),
      );
      expect(tokens).toBeLessThanOrEqual(DEFAULT_CHUNK_TOKENS + PROMPT_OVERHEAD_TOKENS);
    }

    const claims = outputs.claims?.claims ?? [];
    const chunkCount = fake.requestsFor('orch_claims').length;
    expect(claims.length).toBe(10);
    // Top 10 by check-worthiness: every chunk's first claim (0.8) before any second claim (0.5).
    expect(claims.filter((claim) => claim.checkWorthiness === 0.8)).toHaveLength(
      Math.min(10, chunkCount),
    );
    expect(claims.map((claim) => claim.id)).toEqual(claims.map((_, index) => `c${index + 1}`));
    expect(new Set(claims.map((claim) => claim.text)).size).toBe(claims.length);
    const graph = outputs['knowledge-graph'];
    expect(graph?.entities).toHaveLength(1);
    expect(graph?.entities[0]?.mentions).toBe(fake.requestsFor('orch_knowledge_graph').length);
    // The same committee-reported-committee relation from every chunk is kept once.
    expect(graph?.relations).toHaveLength(1);
  });
});
