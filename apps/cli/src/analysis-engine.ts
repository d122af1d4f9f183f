import { join } from 'node:path';
import { createAgentStages } from '@orch/agents';
import {
  type BudgetEvent,
  type BudgetSummary,
  createBudget,
  DEFAULT_PRICE_TABLE,
  type LedgerStore,
  type PriceTable,
  priceOf,
  withPriceOverrides,
} from '@orch/budget';
import {
  type Depth,
  InputError,
  type Logger,
  type ReportCost,
  type ReportRecovery,
  type StageId,
  type StageImplementations,
} from '@orch/core';
import {
  createFileResponseCache,
  createLlmClient,
  type LlmConfig,
  resolveLlmConfig,
} from '@orch/llm';
import { createHeuristicStages } from '@orch/orchestrator';
import { DEFAULT_BUDGET_USD, type Pricing, STAGE_CATALOG } from '@orch/planner';
import {
  createRecovery,
  type RecoveryEvent,
  type RecoverySnapshot,
  type RecoveryStats,
  recoverySnapshotSchema,
} from '@orch/recovery';
import type { ReportAnnotations } from '@orch/result-processors';
import { resolveDataDir } from '@orch/store-sqlite';
import type { CheckpointDetails } from '@orch/workflow-state';
import type { CliIo } from './cli-io.js';
import { guardLlmClient } from './guarded-llm-client.js';
import { withHeuristicFallback } from './heuristic-fallback.js';
import { loadOrchConfig, type OrchConfig } from './orch-config.js';

/** The flags that choose how a run analyses and what it may spend. */
export interface EngineFlags {
  readonly offline?: boolean;
  readonly model?: string;
  readonly baseUrl?: string;
  readonly config?: string;
  /** Hard cap of the run in USD, over the depth's default. */
  readonly budget?: string;
  /** Refuse calls to models without a price. */
  readonly strictBudget?: boolean;
}

/** A model call's timeout unless the config says otherwise: replies of thousands of tokens take a while. */
const MODEL_CALL_TIMEOUT_MS = 120_000;

/** What the run composer passes to prepare one run. */
export interface RunSetup {
  readonly runId: string;
  readonly depth: Depth;
  readonly tenant: string;
  /** Where spending is recorded across runs (the SQLite ledger). */
  readonly ledger: LedgerStore;
  /** The run's `extra` from an earlier execution: breaker states to start from. */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
  readonly onBudgetEvent?: (event: BudgetEvent) => void;
  readonly onRecoveryEvent?: (event: RecoveryEvent) => void;
}

/** One run's stage set with its budget and recovery, and what it tells the checkpoint and report. */
export interface PreparedRun {
  readonly stages: StageImplementations;
  /** Cost, attempts, model of the stage's calls and the breaker states, for its checkpoint. */
  checkpointDetails(stage: StageId): CheckpointDetails;
  annotate(): ReportAnnotations;
}

/** How runs analyse: offline heuristics, or the LLM crew under a budget and recovery. */
export interface AnalysisEngine {
  /** The LLM endpoint in use; undefined offline. */
  readonly llm: LlmConfig | undefined;
  /** What the planner prices model stages at (null offline). */
  readonly pricing: Pricing | null;
  readonly priceTable: PriceTable;
  /** The hard cap of a run of this depth in USD. */
  capFor(depth: Depth): number;
  prepareRun(setup: RunSetup): PreparedRun;
}

const REQUIRED_STAGES = new Set(
  STAGE_CATALOG.filter((stage) => stage.required).map((stage) => stage.id),
);

function parseBudgetFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const amount = Number(value.replace(/^\$/, ''));
  if (!Number.isFinite(amount) || amount < 0) {
    throw new InputError(
      'BUDGET_FLAG_INVALID',
      `--budget must be an amount in USD such as 0.75, but is "${value}".`,
    );
  }
  return amount;
}

function toReportCost(summary: BudgetSummary): ReportCost {
  return {
    capUsd: summary.capUsd,
    spentUsd: summary.spentUsd,
    calls: summary.calls,
    unpricedModels: summary.unknownPriceModels,
    byStage: summary.perStage,
  };
}

function toReportRecovery(stats: RecoveryStats): ReportRecovery {
  return {
    attempts: stats.attempts,
    retries: stats.retries,
    timeouts: stats.timeouts,
    waitMs: stats.totalWaitMs,
    rejections: stats.rejections,
    fallbacks: stats.fallbacks,
    breakerTransitions: stats.breakerTransitions.map(({ key, from, to, atMs }) => ({
      key,
      from,
      to,
      at: new Date(atMs).toISOString(),
    })),
  };
}

function budgetWarnings(summary: BudgetSummary): string[] {
  const warnings: string[] = [];
  if (summary.unknownPriceModels.length > 0) {
    warnings.push(
      `No price is known for ${summary.unknownPriceModels.join(', ')}: those calls are not in the cost, which is a lower bound. Add their prices under "budget.prices" in the config file.`,
    );
  }
  const highest = summary.thresholdsCrossed.at(-1);
  if (highest !== undefined) {
    warnings.push(
      `Budget: ${Math.round(highest * 100)}% of the $${summary.capUsd.toFixed(2)} run cap was reached.`,
    );
  }
  return warnings;
}

function offlineEngine(): AnalysisEngine {
  const stages = createHeuristicStages();
  return {
    llm: undefined,
    pricing: null,
    priceTable: DEFAULT_PRICE_TABLE,
    capFor: () => 0,
    prepareRun: () => ({ stages, checkpointDetails: () => ({}), annotate: () => ({}) }),
  };
}

function modelEngine(
  config: LlmConfig,
  file: OrchConfig,
  flags: EngineFlags,
  io: CliIo,
  logger: Logger,
): AnalysisEngine {
  const heuristics = createHeuristicStages();
  const priceTable = withPriceOverrides(DEFAULT_PRICE_TABLE, file.budget?.prices ?? {});
  const budgetFlag = parseBudgetFlag(flags.budget);
  const price = priceOf(priceTable, config.model);
  const client = createLlmClient(config, {
    cache: createFileResponseCache(join(resolveDataDir(io.env), 'cache')),
    logger,
  });
  const capFor = (depth: Depth): number =>
    budgetFlag ?? file.budget?.perRunUsd?.[depth] ?? DEFAULT_BUDGET_USD[depth];
  return {
    llm: config,
    // the planner's estimate at the default model's price; unknown prices estimate nothing
    pricing: price
      ? {
          inputPerMillionUsd: price.inputPerMillionUsd,
          outputPerMillionUsd: price.outputPerMillionUsd,
        }
      : null,
    priceTable,
    capFor,
    prepareRun(setup) {
      const stored = recoverySnapshotSchema.safeParse(setup.extra?.recovery);
      const recovery = createRecovery({
        policy: { timeoutMs: MODEL_CALL_TIMEOUT_MS, ...file.recovery?.policy },
        ...(file.recovery?.stages ? { stagePolicies: file.recovery.stages } : {}),
        ...(file.recovery?.breaker ? { breaker: file.recovery.breaker } : {}),
        ...(stored.success ? { snapshot: stored.data as RecoverySnapshot } : {}),
        ...(setup.onRecoveryEvent ? { onEvent: setup.onRecoveryEvent } : {}),
      });
      const budget = createBudget({
        runId: setup.runId,
        tenant: setup.tenant,
        capUsd: capFor(setup.depth),
        dailyCapUsd: file.budget?.dailyCapUsd,
        priceTable,
        ledger: setup.ledger,
        strict: flags.strictBudget === true || file.budget?.strict === true,
        ...(setup.onBudgetEvent ? { onEvent: setup.onBudgetEvent } : {}),
      });
      const guarded = guardLlmClient(client, {
        budget,
        recovery,
        endpoint: new URL(config.baseUrl ?? 'https://api.openai.com/v1').host,
        fallbackModels: file.recovery?.fallbackModels ?? [],
        requiredStages: REQUIRED_STAGES,
      });
      const fallbacks = { stages: [] as StageId[] };
      const stages = {
        ...heuristics,
        ...withHeuristicFallback(createAgentStages({ client: guarded }), heuristics, fallbacks),
      };
      return {
        stages,
        checkpointDetails(stage) {
          const facts = guarded.takeStageFacts(stage);
          return {
            ...(facts ? { costUsd: facts.costUsd, attempts: Math.max(1, facts.attempts) } : {}),
            ...(facts?.model ? { model: facts.model } : {}),
            extra: { recovery: recovery.snapshot() },
          };
        },
        annotate() {
          const summary = budget.summary();
          return {
            warnings: budgetWarnings(summary),
            degradedStages: fallbacks.stages,
            cost: toReportCost(summary),
            recovery: toReportRecovery(recovery.stats()),
          };
        },
      };
    },
  };
}

/**
 * With an API key or a base URL (flags, environment, config file) the crew's LLM stages run over
 * the heuristic set (which stands in for a stage whose model calls are exhausted), every call
 * budgeted and recovered, replies cached under `<data dir>/cache`; with neither, or with
 * `--offline`, the heuristics run alone.
 *
 * @throws InputError ENGINE_FLAGS_CONFLICT, LLM_NOT_CONFIGURED, BUDGET_FLAG_INVALID.
 */
export async function createAnalysisEngine(
  flags: EngineFlags,
  io: CliIo,
  logger: Logger,
): Promise<AnalysisEngine> {
  if (flags.offline === true) {
    if (flags.model !== undefined || flags.baseUrl !== undefined) {
      throw new InputError(
        'ENGINE_FLAGS_CONFLICT',
        '--offline runs the heuristics without a model, so --model and --base-url cannot be used with it. Drop --offline to use a model, or drop the model flags.',
      );
    }
    return offlineEngine();
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
    return offlineEngine();
  }
  return modelEngine(config, file, flags, io, logger);
}
