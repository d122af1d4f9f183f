import { FALLACY_TYPES, type FallaciesOutput, fallacySchema } from '@orch/core';
import { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';

const schema = z.object({
  fallacies: z.array(
    fallacySchema.pick({ type: true, quote: true, explanation: true, confidence: true }),
  ),
});

export const fallaciesAgent: AgentDefinition<'fallacies'> = {
  stage: 'fallacies',
  role: 'You are a logician who finds fallacious reasoning.',
  instructions:
    `Find the logical fallacies in the source. Use only these types: ${FALLACY_TYPES.join(', ')}. ` +
    'Every fallacy needs the exact words of the source that commit it as its quote, copied word for word; if you cannot quote it, leave it out. ' +
    'Explain each one briefly and give a confidence from 0 to 1. Report nothing rather than a weak guess.',
  promptVersion: 'fallacies@1',
  schemaName: 'orch_fallacies',
  schema,
  buildUser: (input) => `Find the fallacies in this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): FallaciesOutput => ({
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
    fallacies: (modelData as z.infer<typeof schema>).fallacies,
  }),
};
