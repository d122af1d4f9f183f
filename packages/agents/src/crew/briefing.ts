import { type BriefingOutput, briefingOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { dataBlock, dataBlockInstruction, sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = briefingOutputSchema.omit(PROVENANCE_FIELDS);

/** The earlier outputs a briefing reads (raw content excluded: it goes in the source block). */
const BRIEFING_INPUTS = [
  'summarize',
  'claims',
  'sentiment',
  'fact-check',
  'fallacies',
  'deception',
  'perspectives',
  'threat',
  'second-opinion',
] as const;

export const briefingAgent: AgentDefinition<'briefing'> = {
  stage: 'briefing',
  role: 'You are an intelligence analyst who writes briefings for decision makers.',
  instructions:
    'Write an executive summary, the key findings and recommendations from the analysis and the source. ' +
    'Confidence: overall from 0 to 1, and dataCompleteness as the share of the analysis sections that have data. ' +
    'Grade A to D from the evidence that exists (fact checks with a basis, a threat assessment, a transcript or full text): A when the findings rest on checked evidence, D when almost nothing was checked. ' +
    `Do not invent findings the analysis does not contain. ${dataBlockInstruction('ANALYSIS', 'The earlier analysis')}`,
  promptVersion: 'briefing@1',
  schemaName: 'orch_briefing',
  schema,
  buildUser: (input) => {
    const analysis: Record<string, unknown> = {};
    for (const stage of BRIEFING_INPUTS) {
      const output = input.outputs[stage];
      if (output !== undefined) analysis[stage] = output;
    }
    return `Write the briefing.\n${dataBlock('ANALYSIS', analysis)}\nThe source:\n${sourceBlock(input.content.text)}`;
  },
  toOutput: (modelData, meta): BriefingOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
