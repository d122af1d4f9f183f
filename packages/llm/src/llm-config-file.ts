import { stageIdSchema } from '@orch/core';
import { z } from 'zod';

/**
 * How replies are constrained: `json_schema` sends the schema as a strict response format
 * (OpenAI, OpenRouter, recent vLLM and Ollama); `json_object` asks for any JSON object and puts
 * the schema in the system prompt (endpoints without json_schema support).
 */
export const STRUCTURED_OUTPUT_MODES = ['json_schema', 'json_object'] as const;

export const structuredOutputModeSchema = z.enum(STRUCTURED_OUTPUT_MODES);

export type StructuredOutputMode = z.infer<typeof structuredOutputModeSchema>;

/** The model and reply length one stage uses instead of the defaults. */
export const stageModelConfigSchema = z.strictObject({
  model: z.string().min(1).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
});

export type StageModelConfig = z.infer<typeof stageModelConfigSchema>;

/** The LLM section of an orch config file (JSON). Secrets never live here: the key comes from OPENAI_API_KEY. */
export const llmConfigFileSchema = z
  .strictObject({
    model: z.string().min(1).optional(),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
    stages: z.partialRecord(stageIdSchema, stageModelConfigSchema).optional(),
    contextWindowTokens: z.number().int().positive().optional(),
    maxInputTokensPerRequest: z.number().int().positive().optional(),
    structuredOutput: structuredOutputModeSchema.optional(),
  })
  .refine(
    (file) =>
      file.contextWindowTokens === undefined ||
      file.maxInputTokensPerRequest === undefined ||
      file.maxInputTokensPerRequest <= file.contextWindowTokens,
    {
      message: 'maxInputTokensPerRequest must not exceed contextWindowTokens',
      path: ['maxInputTokensPerRequest'],
    },
  );

export type LlmConfigFile = z.infer<typeof llmConfigFileSchema>;
