import { type FakeOpenAI, startFakeOpenAI } from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpoint } from './check-endpoint.js';
import { resolveLlmConfig } from './llm-config.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function configFor(baseUrl: string, model: string) {
  const config = resolveLlmConfig({
    env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: baseUrl, ORCH_MODEL: model },
  });
  if (config === null) throw new Error('expected a config');
  return config;
}

describe('checkEndpoint', () => {
  it('lists the models of a reachable endpoint and names configured models it lacks', async () => {
    const check = await checkEndpoint(configFor(fake.url, 'gpt-4o'));
    expect(check.reachable).toBe(true);
    expect(check.models).toContain('gpt-4o');
    expect(check.missingModels).toEqual([]);
    const missing = await checkEndpoint(configFor(fake.url, 'llama3.1'));
    expect(missing.missingModels).toEqual(['llama3.1']);
    expect(fake.requests.every((request) => request.path.endsWith('/models'))).toBe(true);
  });

  it('reports an endpoint that refuses connections instead of throwing', async () => {
    const closed = await startFakeOpenAI();
    const url = closed.url;
    await closed.close();
    const check = await checkEndpoint(configFor(url, 'gpt-4o'), { timeoutMs: 2000 });
    expect(check.reachable).toBe(false);
    expect(check.problem).toMatch(/127\.0\.0\.1/);
  });
});
