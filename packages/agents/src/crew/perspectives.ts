import { type PerspectivesOutput, perspectivesOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = perspectivesOutputSchema.omit(PROVENANCE_FIELDS);

export const perspectivesAgent: AgentDefinition<'perspectives'> = {
  stage: 'perspectives',
  role: 'You are a media analyst who maps viewpoints and bias.',
  instructions:
    'Name the viewpoints the source presents, summarise each with supporting quotes copied word for word from the source, rate its bias from 0 (balanced) to 1 (one-sided) with the leaning and indicator quotes, and list relevant viewpoints it leaves out.',
  promptVersion: 'perspectives@1',
  schemaName: 'orch_perspectives',
  schema,
  buildUser: (input) =>
    `Map the perspectives and bias of this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): PerspectivesOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
