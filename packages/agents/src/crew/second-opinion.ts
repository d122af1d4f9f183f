import { type SecondOpinionOutput, secondOpinionOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { dataBlock, dataBlockInstruction, sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = secondOpinionOutputSchema.omit({ ...PROVENANCE_FIELDS, agreementRate: true });

export const secondOpinionAgent: AgentDefinition<'second-opinion'> = {
  stage: 'second-opinion',
  role: 'You are a senior fact checker who reviews another checker’s verdicts.',
  instructions:
    'Review every fact check independently: give your own verdict (secondVerdict), then reconcile it with the original into a reconciledVerdict with a reconciledConfidence from 0 to 1, and explain the reconciliation. ' +
    'Verdicts rest only on the source text or well-established public knowledge; when the two verdicts cannot be reconciled, or neither has a basis, reconcile to "unverifiable". ' +
    `Copy claimId and originalVerdict exactly. ${dataBlockInstruction('FACT CHECKS', 'The list of fact checks')}`,
  promptVersion: 'second-opinion@1',
  schemaName: 'orch_second_opinion',
  schema,
  buildUser: (input) => {
    const checks = (input.outputs['fact-check']?.checks ?? []).map((check) => ({
      claimId: check.claimId,
      claim: check.claim,
      originalVerdict: check.verdict,
      confidence: check.confidence,
      basis: check.basis,
      explanation: check.explanation,
    }));
    return `Review these fact checks.\n${dataBlock('FACT CHECKS', checks)}\nThe source the claims come from:\n${sourceBlock(input.content.text)}`;
  },
  toOutput: (modelData, meta): SecondOpinionOutput => {
    const { reviews } = modelData as z.infer<typeof schema>;
    const agreeing = reviews.filter((review) => review.secondVerdict === review.originalVerdict);
    return {
      method: 'llm',
      model: meta.model,
      promptVersion: meta.promptVersion,
      reviews,
      agreementRate: reviews.length === 0 ? 1 : agreeing.length / reviews.length,
    };
  },
};
