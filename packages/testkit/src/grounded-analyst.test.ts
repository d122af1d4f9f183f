import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './fake-openai.js';
import { groundedAnalystHandlers } from './grounded-analyst.js';

const SOURCE =
  'The council approved a budget of 12 million euros on Monday. Mayor Anna Berg said the harbour bridge will reopen in May. Everyone knows the critics are always wrong!';

function prompt(blocks: Record<string, string>): string {
  return Object.entries(blocks)
    .map(([label, text]) => `<<<${label} abc123>>>\n${text}\n<<<END ${label} abc123>>>`)
    .join('\n');
}

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers() });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
});

afterAll(async () => {
  await fake.close();
});

async function ask(schemaName: string, user: string): Promise<Record<string, unknown>> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Analyse.' },
      { role: 'user', content: user },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: { name: schemaName, schema: { type: 'object' } },
    },
  });
  return JSON.parse(completion.choices[0]?.message.content ?? '{}') as Record<string, unknown>;
}

describe('groundedAnalystHandlers', () => {
  it('quotes and claims are sentences copied from the SOURCE block', async () => {
    const summary = await ask('orch_summarize', prompt({ SOURCE }));
    for (const point of summary.keyPoints as string[]) expect(SOURCE).toContain(point);
    const claims = (await ask('orch_claims', prompt({ SOURCE }))).claims as { text: string }[];
    expect(claims.map((claim) => claim.text)).toEqual([
      'The council approved a budget of 12 million euros on Monday.',
      'Mayor Anna Berg said the harbour bridge will reopen in May.',
    ]);
    const fallacies = (await ask('orch_fallacies', prompt({ SOURCE }))).fallacies as {
      quote: string;
    }[];
    expect(fallacies.map((fallacy) => fallacy.quote)).toEqual([
      'Everyone knows the critics are always wrong!',
    ]);
  });

  it('answers exactly the claims of the CLAIMS block, never more', async () => {
    const claims = [{ claimId: 'c7', claim: 'The bridge reopens in May.' }];
    const reply = await ask('orch_fact_check', prompt({ CLAIMS: JSON.stringify(claims), SOURCE }));
    const checks = reply.checks as { claimId: string; verdict: string; basisKind: string }[];
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ claimId: 'c7', verdict: 'unverifiable', basisKind: 'none' });
  });

  it('merges partial summaries in the reduce step of a long source', async () => {
    const partials = [
      { keyPoints: ['First part point.'], topics: ['budget'], keywords: [], entities: [] },
      { keyPoints: ['Second part point.'], topics: ['bridge'], keywords: [], entities: [] },
    ];
    const reply = await ask(
      'orch_summarize',
      prompt({ 'PARTIAL SUMMARIES': JSON.stringify(partials) }),
    );
    expect(reply.keyPoints).toEqual(['First part point.', 'Second part point.']);
    expect(reply.topics).toEqual(['budget', 'bridge']);
  });
});
