import { ConfigError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { resolveLlmConfig } from './llm-config.js';
import type { LlmConfigFile } from './llm-config-file.js';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveLlmConfig', () => {
  it('returns null (offline) without a key or a base URL', () => {
    expect(resolveLlmConfig({})).toBeNull();
    expect(resolveLlmConfig({ env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '  ' } })).toBeNull();
    expect(resolveLlmConfig({ env: {}, file: { model: 'gpt-4o' } })).toBeNull();
  });

  it('reads the key, base URL and model from the environment, with defaults', () => {
    const config = resolveLlmConfig({ env: { OPENAI_API_KEY: 'sk-test' } });
    expect(config).toEqual({
      apiKey: 'sk-test',
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      stages: {},
      contextWindowTokens: 128_000,
      maxInputTokensPerRequest: 96_000,
      structuredOutput: 'json_schema',
      transcriptionModel: 'whisper-1',
    });
    const routed = resolveLlmConfig({
      env: {
        OPENAI_API_KEY: 'sk-or',
        OPENAI_BASE_URL: 'https://openrouter.ai/api/v1',
        ORCH_MODEL: 'openai/gpt-4o',
      },
    });
    expect(routed?.baseUrl).toBe('https://openrouter.ai/api/v1');
    expect(routed?.model).toBe('openai/gpt-4o');
  });

  it('reads the transcription model from ORCH_TRANSCRIPTION_MODEL', () => {
    const config = resolveLlmConfig({
      env: { OPENAI_API_KEY: 'k', ORCH_TRANSCRIPTION_MODEL: ' whisper-large-v3 ' },
    });
    expect(config?.transcriptionModel).toBe('whisper-large-v3');
    expect(
      resolveLlmConfig({ env: { OPENAI_API_KEY: 'k', ORCH_TRANSCRIPTION_MODEL: '' } })
        ?.transcriptionModel,
    ).toBe('whisper-1');
  });

  it('accepts a base URL without a key for local servers', () => {
    const config = resolveLlmConfig({ env: { OPENAI_BASE_URL: 'http://localhost:11434/v1' } });
    expect(config?.apiKey).toBe('not-needed');
    expect(config?.baseUrl).toBe('http://localhost:11434/v1');
    const fromFile = resolveLlmConfig({ file: { baseUrl: 'http://localhost:8000/v1' } });
    expect(fromFile?.baseUrl).toBe('http://localhost:8000/v1');
  });

  it('takes stage routing and limits from the file', () => {
    const file: LlmConfigFile = {
      model: 'llama3.1',
      stages: { 'fact-check': { model: 'qwen2.5:32b', maxOutputTokens: 2000 } },
      contextWindowTokens: 8192,
      structuredOutput: 'json_object',
    };
    const config = resolveLlmConfig({ env: { OPENAI_API_KEY: 'k' }, file });
    expect(config?.model).toBe('llama3.1');
    expect(config?.stages['fact-check']).toEqual({ model: 'qwen2.5:32b', maxOutputTokens: 2000 });
    expect(config?.contextWindowTokens).toBe(8192);
    expect(config?.maxInputTokensPerRequest).toBe(6144);
    expect(config?.structuredOutput).toBe('json_object');
  });

  it('ranks overrides over the environment over the file', () => {
    const file: LlmConfigFile = { model: 'from-file', baseUrl: 'http://file.local/v1' };
    const env = {
      OPENAI_API_KEY: 'k',
      ORCH_MODEL: 'from-env',
      OPENAI_BASE_URL: 'http://env.local/v1',
    };
    expect(resolveLlmConfig({ env, file })).toMatchObject({
      model: 'from-env',
      baseUrl: 'http://env.local/v1',
    });
    expect(
      resolveLlmConfig({
        env,
        file,
        overrides: { model: 'from-flag', baseUrl: 'http://flag.local/v1' },
      }),
    ).toMatchObject({ model: 'from-flag', baseUrl: 'http://flag.local/v1' });
    expect(resolveLlmConfig({ env: { OPENAI_API_KEY: 'k' }, file })).toMatchObject({
      model: 'from-file',
      baseUrl: 'http://file.local/v1',
    });
  });

  it('rejects an invalid file, naming the field', () => {
    const badStage = configError(() =>
      resolveLlmConfig({
        env: { OPENAI_API_KEY: 'k' },
        file: { stages: { summarize: { maxOutputTokens: -5 } } },
      }),
    );
    expect(badStage.code).toBe('INVALID_LLM_CONFIG');
    expect(badStage.message).toContain('stages.summarize.maxOutputTokens');

    const unknownStage = configError(() =>
      resolveLlmConfig({
        file: { stages: { summary: { model: 'x' } } } as unknown as LlmConfigFile,
      }),
    );
    expect(unknownStage.message).toContain('"summary"');

    const mode = configError(() =>
      resolveLlmConfig({ file: { structuredOutput: 'xml' } as unknown as LlmConfigFile }),
    );
    expect(mode.message).toContain('structuredOutput');

    const limits = configError(() =>
      resolveLlmConfig({ file: { contextWindowTokens: 1000, maxInputTokensPerRequest: 2000 } }),
    );
    expect(limits.message).toContain('maxInputTokensPerRequest');
  });

  it('rejects a base URL that is not http(s), naming where it came from', () => {
    const error = configError(() =>
      resolveLlmConfig({ env: { OPENAI_BASE_URL: 'localhost:11434' } }),
    );
    expect(error.code).toBe('INVALID_LLM_CONFIG');
    expect(error.message).toContain('OPENAI_BASE_URL');
    const override = configError(() =>
      resolveLlmConfig({ env: { OPENAI_API_KEY: 'k' }, overrides: { baseUrl: 'ftp://x' } }),
    );
    expect(override.message).toContain('baseUrl override');
  });
});
