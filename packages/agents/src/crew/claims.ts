import { type ClaimsOutput, claimSchema } from '@orch/core';
import { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';

const schema = z.object({
  claims: z.array(
    claimSchema.pick({ text: true, speaker: true, kinds: true, checkWorthiness: true }),
  ),
});

export const claimsAgent: AgentDefinition<'claims'> = {
  stage: 'claims',
  role: 'You are a fact-checking desk editor who picks the statements worth checking.',
  instructions:
    'List the checkable factual claims of the source: statistics, named entities, comparisons, attributions, causal and temporal statements. ' +
    'Each claim text must be the source sentence itself, copied word for word; never paraphrase or merge sentences. ' +
    'Give the kinds that make it checkable and a checkWorthiness from 0 to 1 (how much it matters and how checkable it is). Opinions and questions are not claims.',
  promptVersion: 'claims@1',
  schemaName: 'orch_claims',
  schema,
  buildUser: (input) =>
    `List at most ${input.maxClaims} claims, the most check-worthy first.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): ClaimsOutput => ({
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
    claims: (modelData as z.infer<typeof schema>).claims.map((claim, index) => ({
      ...claim,
      id: `c${index + 1}`,
    })),
  }),
};
