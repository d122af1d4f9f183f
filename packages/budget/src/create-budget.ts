import { randomUUID } from 'node:crypto';
import { ConfigError, ValidationError } from '@orch/core';
import { BudgetError, BudgetExceededError } from './budget-error.js';
import type { BudgetEvent } from './budget-event.js';
import type { BudgetSummary } from './budget-summary.js';
import { costOf, worstCaseCost } from './cost-of.js';
import { DEFAULT_PRICE_TABLE } from './default-price-table.js';
import { formatUsd } from './internal/format-usd.js';
import { exceeds, USD_EPSILON } from './internal/money.js';
import type { LedgerStore } from './ledger-store.js';
import { createMemoryLedger } from './memory-ledger.js';
import type { ModelPrice, PriceTable } from './model-price.js';
import { priceOf } from './price-of.js';
import { type Usage, usageSchema } from './usage.js';

/** The soft thresholds of a budget unless told otherwise: 50, 80 and 100 percent of the cap. */
export const DEFAULT_THRESHOLDS: readonly number[] = Object.freeze([0.5, 0.8, 1]);

export interface BudgetOptions {
  runId: string;
  /** Whose daily cap and ledger entries this run uses. Default `'local'`. */
  tenant?: string | undefined;
  /** The hard cap of the run in USD (e.g. the depth's default budget, or `--budget`). */
  capUsd: number;
  /** The tenant's cap per UTC day in USD, enforced in the ledger across runs and processes. */
  dailyCapUsd?: number | undefined;
  /** Default DEFAULT_PRICE_TABLE. */
  priceTable?: PriceTable | undefined;
  /** Default: a new in-memory ledger (no daily cap across processes). */
  ledger?: LedgerStore | undefined;
  /** Refuse calls to models without a price (`BUDGET_PRICE_UNKNOWN`) instead of warning. Default false. */
  strict?: boolean | undefined;
  /** Soft thresholds as fractions of the cap. Default [0.5, 0.8, 1]. */
  thresholds?: readonly number[] | undefined;
  /** Receives every BudgetEvent; whatever it throws is ignored so accounting never breaks. */
  onEvent?: ((event: BudgetEvent) => void) | undefined;
  /** Clock for ledger timestamps. Default `() => new Date()`. */
  now?: (() => Date) | undefined;
}

/** A model call about to be sent. */
export interface ReservationRequest {
  stage: string;
  model: string;
  /** Counted prompt tokens. */
  inputTokens: number;
  /** The `max_tokens` / `max_completion_tokens` the call is sent with. */
  maxOutputTokens: number;
}

/** Money held for one call until it is settled with its usage or released unsent. */
export interface Reservation {
  readonly id: string;
  readonly stage: string;
  readonly model: string;
  /** The worst-case cost held (0 when the price is unknown). */
  readonly amountUsd: number;
  /** False when the model has no price: the call is recorded with an unknown cost. */
  readonly priceKnown: boolean;
  /**
   * Records what the call really used and returns its cost (below or above the reservation), or
   * null when the price is unknown. Throws `BUDGET_RESERVATION_CLOSED` when already settled or
   * released.
   */
  settle(usage: Usage): Promise<number | null>;
  /** Gives the money back (the call was not sent). Does nothing once settled or released. */
  release(): Promise<void>;
}

/** The spending of one run. */
export interface Budget {
  readonly runId: string;
  readonly tenant: string;
  readonly capUsd: number;
  /**
   * Holds the worst-case cost of a call before it is sent. Throws BudgetExceededError
   * `BUDGET_EXCEEDED` / `BUDGET_DAILY_CAP_EXCEEDED` when it does not fit, BudgetError
   * `BUDGET_PRICE_UNKNOWN` in strict mode for a model without a price.
   */
  reserve(request: ReservationRequest): Promise<Reservation>;
  /** Actual cost of the settled calls with a known price. */
  spentUsd(): number;
  /** Worst-case amounts of the open reservations. */
  reservedUsd(): number;
  /** Cap minus spent minus reserved, never below 0. */
  remainingUsd(): number;
  summary(): BudgetSummary;
}

type ReservationState = 'open' | 'settled' | 'released';

function requireNonNegative(value: number, name: string, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      'BUDGET_INVALID_OPTIONS',
      `The budget option ${name} is ${String(value)}; it must be a finite number >= 0 (${what}).`,
      { details: { option: name, value } },
    );
  }
}

function validateOptions(options: BudgetOptions): readonly number[] {
  if (typeof options.runId !== 'string' || options.runId.length === 0) {
    throw new ConfigError(
      'BUDGET_INVALID_OPTIONS',
      'The budget needs a non-empty runId: pass the id of the run it pays for.',
    );
  }
  if (options.tenant !== undefined && options.tenant.length === 0) {
    throw new ConfigError(
      'BUDGET_INVALID_OPTIONS',
      'The budget tenant is empty: omit it for the local tenant or pass a tenant id.',
    );
  }
  requireNonNegative(options.capUsd, 'capUsd', 'USD per run; raise it with --budget');
  if (options.dailyCapUsd !== undefined) {
    requireNonNegative(options.dailyCapUsd, 'dailyCapUsd', 'USD per tenant per UTC day');
  }
  const thresholds = [...new Set(options.thresholds ?? DEFAULT_THRESHOLDS)].sort((a, b) => a - b);
  for (const threshold of thresholds) {
    if (!Number.isFinite(threshold) || threshold <= 0) {
      throw new ConfigError(
        'BUDGET_INVALID_OPTIONS',
        `The budget threshold ${String(threshold)} is not a positive fraction of the cap; write 0.5 for 50 percent.`,
        { details: { option: 'thresholds', value: threshold } },
      );
    }
  }
  return thresholds;
}

function validateRequest(request: ReservationRequest): void {
  const problems: string[] = [];
  if (typeof request.stage !== 'string' || request.stage.length === 0)
    problems.push('stage is empty');
  if (typeof request.model !== 'string' || request.model.length === 0)
    problems.push('model is empty');
  for (const key of ['inputTokens', 'maxOutputTokens'] as const) {
    const value = request[key];
    if (!Number.isInteger(value) || value < 0)
      problems.push(`${key} is ${String(value)}, not a whole number >= 0`);
  }
  if (problems.length > 0) {
    throw new ValidationError(
      'BUDGET_INVALID_CALL',
      `Cannot reserve budget for a call: ${problems.join('; ')}. Count the prompt tokens and pass the max output tokens the call is sent with.`,
      { details: { stage: request.stage, model: request.model } },
    );
  }
}

function addTo(record: Record<string, number>, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}

/**
 * The budget of one run. Every call reserves its worst case before it is sent and settles with
 * the reported usage after. The run cap check and the in-memory hold happen synchronously, so
 * concurrent stages can never reserve past the cap together; the tenant's daily cap is checked
 * atomically in the ledger.
 *
 * Calls to a model without a price (non-strict mode) reserve 0 and are settled with an unknown
 * cost (`costUsd: null` in the ledger, counted in `unknownPriceCalls`, never added as 0 to
 * `spentUsd`, which then becomes a lower bound). They are still refused once nothing of the cap
 * is left.
 */
export function createBudget(options: BudgetOptions): Budget {
  const thresholds = validateOptions(options);
  const runId = options.runId;
  const tenant = options.tenant ?? 'local';
  const capUsd = options.capUsd;
  const dailyCapUsd = options.dailyCapUsd;
  const table = options.priceTable ?? DEFAULT_PRICE_TABLE;
  const ledger = options.ledger ?? createMemoryLedger();
  const strict = options.strict ?? false;
  const now = options.now ?? (() => new Date());

  let spent = 0;
  let calls = 0;
  let unknownPriceCalls = 0;
  const open = new Map<string, number>();
  const perStage: Record<string, number> = {};
  const perModel: Record<string, number> = {};
  const unknownPriceModels: string[] = [];
  const thresholdsCrossed: number[] = [];

  const emit = (event: BudgetEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken listener must not corrupt the accounting of money already committed.
    }
  };
  const reserved = (): number => {
    let total = 0;
    for (const amount of open.values()) total += amount;
    return total;
  };
  const remaining = (): number => Math.max(0, capUsd - spent - reserved());

  const crossThresholds = (): void => {
    for (const threshold of thresholds) {
      if (thresholdsCrossed.includes(threshold)) continue;
      if (spent <= 0 || spent < threshold * capUsd - USD_EPSILON) break;
      thresholdsCrossed.push(threshold);
      emit({
        type: 'threshold',
        threshold,
        thresholdPercent: Math.round(threshold * 10_000) / 100,
        spentUsd: spent,
        capUsd,
      });
    }
  };

  const refuse = (
    cap: 'run' | 'daily',
    request: ReservationRequest,
    worstCaseUsd: number,
    remainingUsd: number,
    limitUsd: number,
    message: string,
  ): BudgetExceededError => {
    emit({
      type: 'exhausted',
      cap,
      stage: request.stage,
      model: request.model,
      worstCaseUsd,
      remainingUsd,
      spentUsd: spent,
      capUsd: limitUsd,
    });
    return new BudgetExceededError(cap, message, {
      stage: request.stage,
      model: request.model,
      worstCaseUsd,
      remainingUsd,
      capUsd: limitUsd,
    });
  };

  const priceFor = (request: ReservationRequest): ModelPrice | undefined => {
    const price = priceOf(table, request.model);
    if (price !== undefined) return price;
    if (strict) {
      throw new BudgetError(
        'BUDGET_PRICE_UNKNOWN',
        `Stage "${request.stage}" wants to call model "${request.model}", which has no price in the price table, and the budget is strict (it refuses calls it cannot cost). Add the model's prices to the price table of the orch config file, route the stage to a model with a price, or turn strict mode off.`,
        { details: { stage: request.stage, model: request.model } },
      );
    }
    if (!unknownPriceModels.includes(request.model)) {
      unknownPriceModels.push(request.model);
      emit({ type: 'price-unknown', stage: request.stage, model: request.model });
    }
    return undefined;
  };

  const createReservation = (
    id: string,
    request: ReservationRequest,
    amountUsd: number,
    price: ModelPrice | undefined,
  ): Reservation => {
    let state: ReservationState = 'open';
    return {
      id,
      stage: request.stage,
      model: request.model,
      amountUsd,
      priceKnown: price !== undefined,

      async settle(usage: Usage): Promise<number | null> {
        if (state !== 'open') {
          throw new BudgetError(
            'BUDGET_RESERVATION_CLOSED',
            `The reservation "${id}" of stage "${request.stage}" was already ${state}; settle each reservation once, and only for a call that was sent. Reserve again for a new call.`,
            { details: { id, stage: request.stage, state } },
          );
        }
        const parsed = usageSchema.safeParse(usage);
        if (!parsed.success) {
          throw new ValidationError(
            'BUDGET_INVALID_USAGE',
            `Cannot settle the call of stage "${request.stage}": its usage is not four whole token counts >= 0 (promptTokens, completionTokens, cachedPromptTokens, reasoningTokens). Pass the usage the model client reported.`,
            { cause: parsed.error, details: { id, stage: request.stage } },
          );
        }
        // The local account is authoritative for the run cap: update it (and report it) before
        // the ledger, so a ledger failure cannot hide money that was spent.
        state = 'settled';
        open.delete(id);
        const costUsd = price === undefined ? null : costOf(parsed.data, price);
        calls += 1;
        if (costUsd === null) {
          unknownPriceCalls += 1;
        } else {
          spent += costUsd;
          addTo(perStage, request.stage, costUsd);
          addTo(perModel, request.model, costUsd);
        }
        emit({
          type: 'reconciled',
          reservationId: id,
          stage: request.stage,
          model: request.model,
          amountUsd,
          costUsd,
          spentUsd: spent,
          reservedUsd: reserved(),
          capUsd,
        });
        crossThresholds();
        await ledger.settle(id, { costUsd, usage: parsed.data, at: now() });
        return costUsd;
      },

      async release(): Promise<void> {
        if (state !== 'open') return;
        state = 'released';
        open.delete(id);
        emit({
          type: 'released',
          reservationId: id,
          stage: request.stage,
          model: request.model,
          amountUsd,
          spentUsd: spent,
          reservedUsd: reserved(),
          capUsd,
        });
        await ledger.release(id);
      },
    };
  };

  return {
    runId,
    tenant,
    capUsd,

    async reserve(request: ReservationRequest): Promise<Reservation> {
      validateRequest(request);
      const price = priceFor(request);
      const amountUsd =
        price === undefined
          ? 0
          : worstCaseCost(request.inputTokens, request.maxOutputTokens, price);
      // Check and hold with no await in between: concurrent reservations see each other.
      const committed = spent + reserved();
      const left = Math.max(0, capUsd - committed);
      const over =
        price === undefined
          ? committed >= capUsd - USD_EPSILON
          : exceeds(committed + amountUsd, capUsd);
      if (over) {
        const need =
          price === undefined
            ? `a call to "${request.model}", which has no price,`
            : `up to ${formatUsd(amountUsd)} (worst case: ${request.inputTokens} input + ${request.maxOutputTokens} output tokens of ${request.model})`;
        throw refuse(
          'run',
          request,
          amountUsd,
          left,
          capUsd,
          `Stage "${request.stage}" needs ${need}, but only ${formatUsd(left)} of the run budget of ${formatUsd(capUsd)} is left (${formatUsd(spent)} spent, ${formatUsd(reserved())} reserved). Raise the cap with --budget, use a smaller depth, or route the stage to a cheaper model.`,
        );
      }
      const id = randomUUID();
      open.set(id, amountUsd);
      let answer: Awaited<ReturnType<LedgerStore['reserve']>>;
      try {
        answer = await ledger.reserve({
          id,
          tenant,
          runId,
          stage: request.stage,
          model: request.model,
          amountUsd,
          priceKnown: price !== undefined,
          at: now(),
          dailyCapUsd,
        });
      } catch (error) {
        open.delete(id);
        throw error;
      }
      if (!answer.ok) {
        open.delete(id);
        const cap = dailyCapUsd ?? 0;
        const dayLeft = Math.max(0, cap - answer.spentTodayUsd);
        throw refuse(
          'daily',
          request,
          amountUsd,
          dayLeft,
          cap,
          `Stage "${request.stage}" needs up to ${formatUsd(amountUsd)} (worst case for ${request.model}), but tenant "${tenant}" has only ${formatUsd(dayLeft)} left of its daily cap of ${formatUsd(cap)} (${formatUsd(answer.spentTodayUsd)} spent or reserved today, UTC). Wait for the next UTC day, raise the tenant's daily cap, use a smaller depth, or route the stage to a cheaper model.`,
        );
      }
      emit({
        type: 'reserved',
        reservationId: id,
        stage: request.stage,
        model: request.model,
        amountUsd,
        spentUsd: spent,
        reservedUsd: reserved(),
        capUsd,
      });
      return createReservation(id, request, amountUsd, price);
    },

    spentUsd: () => spent,
    reservedUsd: reserved,
    remainingUsd: remaining,

    summary(): BudgetSummary {
      return {
        runId,
        tenant,
        capUsd,
        ...(dailyCapUsd === undefined ? {} : { dailyCapUsd }),
        spentUsd: spent,
        reservedUsd: reserved(),
        remainingUsd: remaining(),
        calls,
        openReservations: open.size,
        unknownPriceCalls,
        unknownPriceModels: [...unknownPriceModels],
        perStage: { ...perStage },
        perModel: { ...perModel },
        thresholdsCrossed: [...thresholdsCrossed],
      };
    },
  };
}
