import { readFile } from 'node:fs/promises';
import { ConfigError } from '@orch/core';
import { describeIssues } from './internal/describe-issues.js';
import { type LlmConfigFile, llmConfigFileSchema } from './llm-config-file.js';

/**
 * Reads and validates a JSON file holding the LLM section of the configuration.
 *
 * @throws ConfigError `LLM_CONFIG_FILE_UNREADABLE` when the file cannot be read,
 *   `LLM_CONFIG_FILE_INVALID_JSON` when it is not JSON, `INVALID_LLM_CONFIG` when a field is wrong.
 */
export async function loadLlmConfigFile(path: string): Promise<LlmConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'LLM_CONFIG_FILE_UNREADABLE',
      `Could not read the LLM config file ${path}: ${reason}. Check the path and its permissions.`,
      { cause: error, details: { path } },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'LLM_CONFIG_FILE_INVALID_JSON',
      `The LLM config file ${path} is not valid JSON (${reason}). Fix the syntax of the file.`,
      { cause: error, details: { path } },
    );
  }
  const parsed = llmConfigFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      'INVALID_LLM_CONFIG',
      `The LLM config file ${path} is invalid: ${describeIssues(parsed.error.issues).join('; ')}. Fix that field (see the @orch/llm README for the format).`,
      { details: { path } },
    );
  }
  return parsed.data;
}
