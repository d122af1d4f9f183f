import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { priceTableSchema } from '@orch/budget';
import { ConfigError, depthSchema } from '@orch/core';
import { llmConfigFileSchema } from '@orch/llm';
import { breakerPolicySchema, recoveryPolicySchema } from '@orch/recovery';
import { resolveDataDir } from '@orch/store-sqlite';
import { z } from 'zod';
import type { CliIo } from './cli-io.js';

/** The config file: `--config <file>`, else ORCH_CONFIG, else `<data dir>/config.json` when it exists. */
export const orchConfigSchema = z
  .object({
    /** The LLM section (see the @orch/llm README): model, baseUrl, per-stage models, limits. */
    llm: llmConfigFileSchema.optional(),
    /** Spending limits and prices (see @orch/budget). */
    budget: z
      .strictObject({
        /** Hard cap per run by depth in USD; the defaults are DESIGN.md's. */
        perRunUsd: z.partialRecord(depthSchema, z.number().min(0)).optional(),
        /** The tenant's cap per UTC day in USD, across runs and processes. */
        dailyCapUsd: z.number().min(0).optional(),
        /** Refuse calls to models without a price instead of warning. */
        strict: z.boolean().optional(),
        /** Prices per model, over the built-in table (USD per million tokens). */
        prices: priceTableSchema.optional(),
      })
      .optional(),
    /** Retries, timeouts, circuit breakers and fallback models (see @orch/recovery). */
    recovery: z
      .strictObject({
        /** Models tried in order when a stage's own model is exhausted. */
        fallbackModels: z.array(z.string().min(1)).optional(),
        policy: recoveryPolicySchema.partial().optional(),
        stages: z.record(z.string(), recoveryPolicySchema.partial()).optional(),
        breaker: breakerPolicySchema.partial().optional(),
      })
      .optional(),
  })
  .strict();
export type OrchConfig = z.infer<typeof orchConfigSchema>;

/** Where the config comes from and what it says; `path` is undefined when there is none. */
export interface LoadedConfig {
  readonly path: string | undefined;
  readonly config: OrchConfig;
}

/**
 * Reads the config file. An explicitly named file must exist; the default one is optional.
 *
 * @throws ConfigError CONFIG_FILE_UNREADABLE, CONFIG_FILE_INVALID_JSON, CONFIG_FILE_INVALID.
 */
export async function loadOrchConfig(io: CliIo, explicitPath?: string): Promise<LoadedConfig> {
  const named = explicitPath ?? io.env.ORCH_CONFIG;
  const path =
    named !== undefined && named.trim() !== ''
      ? resolve(io.cwd, named)
      : join(resolveDataDir(io.env), 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing && named === undefined) return { path: undefined, config: {} };
    throw new ConfigError(
      'CONFIG_FILE_UNREADABLE',
      `Could not read the config file ${path}: ${(error as Error).message}. Check the path given by --config or ORCH_CONFIG.`,
      { cause: error, details: { path } },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      'CONFIG_FILE_INVALID_JSON',
      `The config file ${path} is not valid JSON (${(error as Error).message}). Fix its syntax.`,
      { cause: error, details: { path } },
    );
  }
  const parsed = orchConfigSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      'CONFIG_FILE_INVALID',
      `The config file ${path} is invalid: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}. Fix that field (see the README section "Configuration").`,
      { details: { path } },
    );
  }
  return { path, config: parsed.data };
}
