import { type KnowledgeGraphOutput, knowledgeGraphOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = knowledgeGraphOutputSchema.omit(PROVENANCE_FIELDS);

export const knowledgeGraphAgent: AgentDefinition<'knowledge-graph'> = {
  stage: 'knowledge-graph',
  role: 'You are a knowledge engineer who extracts entities and their relations.',
  instructions:
    'Extract the entities of the source (id: lower-case kebab-case of the name, name, type, mentions) and the relations between them (source and target entity ids, a short predicate). ' +
    'Every relation needs as evidence the source sentence it was read from, copied word for word.',
  promptVersion: 'knowledge-graph@1',
  schemaName: 'orch_knowledge_graph',
  schema,
  buildUser: (input) =>
    `Extract the knowledge graph of this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): KnowledgeGraphOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
