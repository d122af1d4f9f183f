import { type FactCheckOutput, factCheckSchema } from '@orch/core';
import { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { dataBlock, dataBlockInstruction, sourceBlock } from '../internal/prompt.js';

/** Where a verdict comes from. */
export const BASIS_KINDS = ['source-text', 'public-knowledge', 'none'] as const;

const BASIS_LABELS: Record<(typeof BASIS_KINDS)[number], string> = {
  'source-text': 'source text',
  'public-knowledge': 'public knowledge',
  none: 'no basis',
};

const schema = z.object({
  checks: z.array(
    factCheckSchema
      .pick({
        claimId: true,
        claim: true,
        verdict: true,
        confidence: true,
        basis: true,
        explanation: true,
        evidence: true,
      })
      .extend({ basisKind: z.enum(BASIS_KINDS) }),
  ),
});

export const factCheckAgent: AgentDefinition<'fact-check'> = {
  stage: 'fact-check',
  role: 'You are a rigorous fact checker.',
  instructions:
    'Give every listed claim a verdict: supported, refuted, misleading or unverifiable, with a confidence from 0 to 1, a basis and an explanation. ' +
    'No verdict without a basis: a verdict rests either on the source text itself (basisKind "source-text", evidence quotes copied word for word from the source with source "content") or on well-established public knowledge (basisKind "public-knowledge", name the knowledge in basis). ' +
    'When you have neither, the verdict is "unverifiable" with basisKind "none". Prefer "unverifiable" over guessing. ' +
    `Copy claimId and claim exactly as listed. ${dataBlockInstruction('CLAIMS', 'The list of claims')}`,
  promptVersion: 'fact-check@1',
  schemaName: 'orch_fact_check',
  schema,
  buildUser: (input) => {
    const claims = (input.outputs.claims?.claims ?? [])
      .slice(0, input.maxClaims)
      .map((claim) => ({ claimId: claim.id, claim: claim.text }));
    return `Check these claims.\n${dataBlock('CLAIMS', claims)}\nThe source they come from:\n${sourceBlock(input.content.text)}`;
  },
  toOutput: (modelData, meta): FactCheckOutput => ({
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
    checks: (modelData as z.infer<typeof schema>).checks.map(({ basisKind, ...check }) => {
      const withoutBasis = basisKind === 'none' && check.verdict !== 'unverifiable';
      return {
        ...check,
        verdict: withoutBasis ? 'unverifiable' : check.verdict,
        explanation: withoutBasis
          ? `${check.explanation} (Changed from "${check.verdict}" to "unverifiable": the verdict had no basis.)`
          : check.explanation,
        basis: `${BASIS_LABELS[basisKind]}: ${check.basis}`,
        sourceTrust: 1,
        salience: 1,
      };
    }),
  }),
};
