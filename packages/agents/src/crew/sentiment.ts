import { type SentimentOutput, sentimentOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = sentimentOutputSchema.omit(PROVENANCE_FIELDS);

export const sentimentAgent: AgentDefinition<'sentiment'> = {
  stage: 'sentiment',
  role: 'You are a discourse analyst who measures tone and rhetoric.',
  instructions:
    'Rate the overall sentiment of the source (label, score from -1 to 1, the shares of positive and negative statements), the emotions it expresses (score 0 to 1) and its rhetorical devices. ' +
    'Every rhetorical device needs the exact words of the source that show it as its quote.',
  promptVersion: 'sentiment@1',
  schemaName: 'orch_sentiment',
  schema,
  buildUser: (input) =>
    `Analyse the sentiment and rhetoric of this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): SentimentOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
