import { type SpeakerProfileOutput, speakerProfileOutputSchema } from '@orch/core';
import type { z } from 'zod';
import type { AgentDefinition } from '../agent-definition.js';
import { sourceBlock } from '../internal/prompt.js';
import { PROVENANCE_FIELDS } from '../internal/provenance.js';

const schema = speakerProfileOutputSchema.omit(PROVENANCE_FIELDS);

export const speakerProfileAgent: AgentDefinition<'speaker-profile'> = {
  stage: 'speaker-profile',
  role: 'You are a communication analyst who profiles speakers.',
  instructions:
    'Profile each speaker of the source: their name when the source gives it, their style in a few words, and the persuasion techniques they use, each with the exact words of the source as quote.',
  promptVersion: 'speaker-profile@1',
  schemaName: 'orch_speaker_profile',
  schema,
  buildUser: (input) => `Profile the speakers of this source.\n${sourceBlock(input.content.text)}`,
  toOutput: (modelData, meta): SpeakerProfileOutput => ({
    ...(modelData as z.infer<typeof schema>),
    method: 'llm',
    model: meta.model,
    promptVersion: meta.promptVersion,
  }),
};
