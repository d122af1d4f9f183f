// bench/tokens: tokens sent to the model for one standard-depth analysis of a three-hour
// transcript (~30,000 words), beside the naive figure (the full text sent to every LLM stage).
// The run goes through the real stack: the VTT file is loaded by @orch/acquisition, the
// orchestrator runs the crew of @orch/agents with the openai client against the fake server of
// @orch/testkit (grounded scripted replies), and every request the server received is counted
// with gpt-tokenizer. Also prints the largest request beside the configured per-request limit.
// Usage: pnpm bench:tokens [-- --words 30000]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFile } from '@orch/acquisition';
import { createAgentStages, DEFAULT_CHUNK_TOKENS } from '@orch/agents';
import { ok } from '@orch/core';
import { countTokens, createLlmClient, resolveLlmConfig } from '@orch/llm';
import { createHeuristicStages, createOrchestrator } from '@orch/orchestrator';
import { groundedAnalystHandlers, startFakeOpenAI, syntheticTranscript } from '@orch/testkit';

const { values } = parseArgs({ options: { words: { type: 'string', default: '30000' } } });
const targetWords = Number(values.words);

const talk = syntheticTranscript({ words: targetWords });
const scratch = mkdtempSync(join(tmpdir(), 'orch-bench-tokens-'));
const file = join(scratch, 'three-hour-talk.vtt');
writeFileSync(file, talk.vtt);

const fake = await startFakeOpenAI({ handlers: groundedAnalystHandlers() });
try {
  const content = await loadFile(file);
  const config = resolveLlmConfig({
    env: { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.url },
  });
  const client = createLlmClient(config);
  const stages = {
    ...createHeuristicStages(),
    ...createAgentStages({ client }),
    acquire: async () => ok(content),
  };
  const orchestrator = createOrchestrator({
    stages,
    planOptions: { wordCount: content.metadata.wordCount },
  });
  const handle = orchestrator.run({ source: { type: 'file', path: file }, depth: 'standard' });
  for await (const _event of handle.events);
  const report = await handle.report;

  const promptTokens = (request) =>
    request.body.messages.reduce((sum, message) => sum + countTokens(String(message.content)), 0);
  const chat = fake.requests.filter((request) => request.schemaName !== undefined);
  const sent = chat.map(promptTokens);
  const total = sent.reduce((sum, tokens) => sum + tokens, 0);
  const llmStages = report.stages
    .filter((stage) => stage.method === 'llm')
    .map((stage) => stage.id);
  const sourceTokens = countTokens(content.text);
  const naive = sourceTokens * llmStages.length;

  console.log(
    `bench/tokens: standard analysis of a ${content.metadata.wordCount}-word transcript (${content.segments.length} cues, ${sourceTokens} tokens)`,
  );
  console.log(`  LLM stages: ${llmStages.join(', ')}`);
  console.log(`  requests sent:           ${chat.length}`);
  console.log(`  prompt tokens sent:      ${total}`);
  console.log(`  naive (full text × ${llmStages.length}):   ${naive}`);
  console.log(`  sent / naive:            ${(total / naive).toFixed(3)}`);
  console.log(
    `  largest request:         ${Math.max(...sent)} tokens (source chunk limit ${DEFAULT_CHUNK_TOKENS}, request limit ${config.maxInputTokensPerRequest})`,
  );
  for (const stage of report.stages)
    console.log(
      `   ${stage.id} ${stage.status} ${stage.method ?? ''} ${stage.reason ?? stage.error?.message ?? ''}`.slice(
        0,
        300,
      ),
    );
  console.log(`  report: ${report.status}, analysis mode ${report.analysis.mode}`);
} finally {
  await fake.close();
  rmSync(scratch, { recursive: true, force: true });
}
