import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@orch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLlmConfigFile } from './load-llm-config-file.js';

describe('loadLlmConfigFile', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'orch-llm-config-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function failure(path: string): Promise<ConfigError> {
    const error = await loadLlmConfigFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }

  it('reads a valid file', async () => {
    const path = join(directory, 'llm.json');
    await writeFile(
      path,
      JSON.stringify({ model: 'gpt-4o', stages: { claims: { model: 'gpt-4o-mini' } } }),
    );
    await expect(loadLlmConfigFile(path)).resolves.toEqual({
      model: 'gpt-4o',
      stages: { claims: { model: 'gpt-4o-mini' } },
    });
  });

  it('names the file when it is not JSON', async () => {
    const path = join(directory, 'broken.json');
    await writeFile(path, '{ "model": ');
    const error = await failure(path);
    expect(error.code).toBe('LLM_CONFIG_FILE_INVALID_JSON');
    expect(error.message).toContain(path);
  });

  it('names the file and the field when a field is wrong', async () => {
    const path = join(directory, 'bad.json');
    await writeFile(path, JSON.stringify({ contextWindowTokens: 'big' }));
    const error = await failure(path);
    expect(error.code).toBe('INVALID_LLM_CONFIG');
    expect(error.message).toContain(path);
    expect(error.message).toContain('contextWindowTokens');
  });

  it('says when the file cannot be read', async () => {
    const error = await failure(join(directory, 'missing.json'));
    expect(error.code).toBe('LLM_CONFIG_FILE_UNREADABLE');
  });
});
