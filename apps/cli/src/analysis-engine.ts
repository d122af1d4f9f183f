import { join } from 'node:path';
import { createAgentStages } from '@orch/agents';
import { InputError, type Logger, type StageImplementations } from '@orch/core';
import {
  createFileResponseCache,
  createLlmClient,
  type LlmConfig,
  resolveLlmConfig,
} from '@orch/llm';
import { createHeuristicStages } from '@orch/orchestrator';
import { DEFAULT_PRICING, type Pricing } from '@orch/planner';
import { resolveDataDir } from '@orch/store-sqlite';
import type { CliIo } from './cli-io.js';
import { loadOrchConfig } from './orch-config.js';

/** The flags that choose how a run analyses: `--offline`, `--model`, `--base-url`, `--config`. */
export interface EngineFlags {
  readonly offline?: boolean;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly config?: string;
}

/** How a run analyses: the stage implementations and what the planner prices them at. */
export interface AnalysisEngine {
  readonly stages: StageImplementations;
  /** Null offline: no stage calls a priced model. */
  readonly pricing: Pricing | null;
  /** The LLM endpoint in use; undefined offline. */
  readonly llm: LlmConfig | undefined;
}

/**
 * With an API key or a base URL (flags, environment, config file) the crew's LLM stages run over
 * the heuristic set, replies cached under `<data dir>/cache`; with neither, or with `--offline`,
 * the heuristics run alone.
 *
 * @throws InputError ENGINE_FLAGS_CONFLICT when --offline comes with --model or --base-url.
 */
export async function createAnalysisEngine(
  flags: EngineFlags,
  io: CliIo,
  logger: Logger,
): Promise<AnalysisEngine> {
  const heuristics = createHeuristicStages();
  if (flags.offline === true) {
    if (flags.model !== undefined || flags.baseUrl !== undefined) {
      throw new InputError(
        'ENGINE_FLAGS_CONFLICT',
        '--offline runs the heuristics without a model, so --model and --base-url cannot be used with it. Drop --offline to use a model, or drop the model flags.',
      );
    }
    return { stages: heuristics, pricing: null, llm: undefined };
  }
  const { config: file } = await loadOrchConfig(io, flags.config);
  const config = resolveLlmConfig({
    env: io.env,
    ...(file.llm === undefined ? {} : { file: file.llm }),
    overrides: {
      ...(flags.model === undefined ? {} : { model: flags.model }),
      ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
    },
  });
  if (config === null) {
    if (flags.model !== undefined) {
      throw new InputError(
        'LLM_NOT_CONFIGURED',
        `--model ${flags.model} needs a model endpoint, but neither OPENAI_API_KEY nor OPENAI_BASE_URL (or --base-url) is set. Set one of them, or drop --model to analyse offline.`,
      );
    }
    return { stages: heuristics, pricing: null, llm: undefined };
  }
  const client = createLlmClient(config, {
    cache: createFileResponseCache(join(resolveDataDir(io.env), 'cache')),
    logger,
  });
  return {
    stages: { ...heuristics, ...createAgentStages({ client }) },
    pricing: DEFAULT_PRICING,
    llm: config,
  };
}
