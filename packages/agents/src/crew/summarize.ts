import { type SummaryOutput, summaryOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = summaryOutputSchema.omit(PROVENANCE_FIELDS);

export const summarizeAgent: AgentDefinition<'summarize'> = {
  stage: 'summarize',
  role: 'You are a careful editor who summarises sources faithfully.',
  instructions:
    'Write a neutral summary of the source in a few sentences, the key points it makes, its topics, weighted keywords (score 0 to 1) and the named entities it mentions with how often. Use only what the source says; add no outside facts and no opinions.',
  promptVersion: 'summarize@1',
  schemaName: 'orch_summarize',
  schema,
  buildUser: (input) => `Summarise this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): SummaryOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
