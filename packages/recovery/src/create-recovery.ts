import { CancelledError, ConfigError, OrchError } from '@orch/core';
import {
  handleWhen,
  isBrokenCircuitError,
  isTaskCancelledError,
  retry,
  TimeoutStrategy,
  timeout,
} from 'cockatiel';
import { z } from 'zod';
import {
  type BreakerPolicy,
  breakerPolicySchema,
  DEFAULT_BREAKER_POLICY,
} from './breaker-policy.js';
import type { BreakerState } from './breaker-state.js';
import { CallTimeoutError } from './call-timeout-error.js';
import { CircuitOpenError } from './circuit-open-error.js';
import { shouldFallBack as defaultShouldFallBack, isRetryableError } from './classify-error.js';
import { codeOf, messageOf, retryAfterOf } from './internal/error-facts.js';
import { ProviderBreaker } from './internal/provider-breaker.js';
import { createRetryAfterBackoff } from './internal/retry-after-backoff.js';
import { untilAborted } from './internal/until-aborted.js';
import type { RecoveryEvent } from './recovery-event.js';
import {
  DEFAULT_RECOVERY_POLICY,
  type RecoveryPolicy,
  recoveryPolicySchema,
} from './recovery-policy.js';
import { type RecoverySnapshot, recoverySnapshotSchema } from './recovery-snapshot.js';
import type { RecoveryStats } from './recovery-stats.js';

export interface RecoveryOptions {
  /** Overrides of DEFAULT_RECOVERY_POLICY for every call. */
  policy?: Partial<RecoveryPolicy>;
  /** Overrides per stage (key = stage id), applied over `policy`. */
  stagePolicies?: Record<string, Partial<RecoveryPolicy>>;
  /** Overrides of DEFAULT_BREAKER_POLICY, for the breaker of every key. */
  breaker?: Partial<BreakerPolicy>;
  /** Breaker states saved by `recovery.snapshot()` (e.g. in a run checkpoint). */
  snapshot?: RecoverySnapshot;
  /** Which failures are retried and counted by breakers; default `isRetryableError`. */
  isRetryable?: (error: unknown) => boolean;
  /** Which failures move a fallback chain to the next candidate; default `shouldFallBack`. */
  shouldFallBack?: (error: unknown) => boolean;
  /** Receives every retry, timeout, breaker change, rejection, fallback and escalation. */
  onEvent?: (event: RecoveryEvent) => void;
}

/** One protected call. */
export interface RecoveryCall {
  /** The breaker key: one provider + model, e.g. "api.openai.com/gpt-4o-mini". */
  key: string;
  /** The stage id, to pick its policy from `stagePolicies` and to label events. */
  stage?: string;
  /** Cancels the call: waits stop at once and the call rejects with CancelledError. */
  signal?: AbortSignal;
  /** When the call finally fails, emit an `escalate` event. */
  required?: boolean;
}

/** A fallback chain call: like RecoveryCall, the keys come from the candidates. */
export type FallbackCall = Omit<RecoveryCall, 'key'>;

/**
 * The protected work. `signal` fires on the call timeout or when the caller cancels: pass it to
 * the HTTP request. `attempt` starts at 1.
 */
export type RecoveryOperation<T> = (signal: AbortSignal, attempt: number) => Promise<T>;

/** One entry of a fallback chain (e.g. one model). */
export interface FallbackCandidate<T> {
  key: string;
  run: RecoveryOperation<T>;
}

export interface FallbackResult<T> {
  value: T;
  /** The key of the candidate that answered. */
  key: string;
  /** True when an earlier candidate failed. */
  fellBack: boolean;
}

export interface Recovery {
  /**
   * Runs `operation` under the stage's policy (timeout per attempt, retries with backoff) and the
   * circuit breaker of `call.key`. When retries are exhausted it rethrows the last failure.
   */
  execute<T>(call: RecoveryCall, operation: RecoveryOperation<T>): Promise<T>;
  /**
   * Tries each candidate in order, each through `execute` with its own breaker, and moves on when
   * `shouldFallBack` accepts the failure. Rethrows the last failure when none answered.
   */
  executeWithFallback<T>(
    call: FallbackCall,
    candidates: readonly FallbackCandidate<T>[],
  ): Promise<FallbackResult<T>>;
  /** The breaker state of `key` (`closed` for a key never called). */
  breakerState(key: string): BreakerState;
  /** Every breaker's state, JSON-serialisable, for a checkpoint. */
  snapshot(): RecoverySnapshot;
  /** What recovery did so far, JSON-serialisable. */
  stats(): RecoveryStats;
}

function invalidOptions(what: string, problem: string): ConfigError {
  return new ConfigError(
    'INVALID_RECOVERY_OPTIONS',
    `The recovery ${what} is invalid: ${problem}. Fix it in the options passed to createRecovery.`,
    { details: { what, problem } },
  );
}

function parsePolicy<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw invalidOptions(what, z.prettifyError(parsed.error));
  return parsed.data;
}

function parseSnapshot(snapshot: unknown): RecoverySnapshot {
  const parsed = recoverySnapshotSchema.safeParse(snapshot);
  if (!parsed.success) {
    throw new ConfigError(
      'INVALID_RECOVERY_SNAPSHOT',
      `The recovery snapshot is invalid: ${z.prettifyError(parsed.error)}. Pass a value produced by recovery.snapshot(), or omit it to start with closed breakers.`,
      { details: { problem: z.prettifyError(parsed.error) } },
    );
  }
  return parsed.data;
}

function isCancellation(error: unknown): boolean {
  if (error instanceof OrchError) return error.category === 'cancelled';
  return error instanceof Error && error.name === 'AbortError';
}

/** The CancelledError to reject with: an orch cancellation as it is, anything else wrapped. */
function asCancelled(call: RecoveryCall, error: unknown): OrchError {
  return error instanceof OrchError && error.category === 'cancelled'
    ? error
    : cancelled(call, error);
}

/** The longest interval a timer accepts: the keep-alive handle of a call never fires. */
const KEEP_ALIVE_INTERVAL_MS = 2 ** 31 - 1;

/** Read through a function so TypeScript does not keep a narrowing across awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function describe(call: { key: string; stage?: string | undefined }): string {
  return call.stage === undefined ? call.key : `${call.key} (stage ${call.stage})`;
}

function cancelled(call: RecoveryCall, cause: unknown): CancelledError {
  return new CancelledError(
    `The call to ${describe(call)} was cancelled; nothing more was attempted. Run it again to finish the work.`,
    {
      cause,
      details: { key: call.key, ...(call.stage === undefined ? {} : { stage: call.stage }) },
    },
  );
}

/** Creates the retries, timeouts, circuit breakers and fallback chains of one run or process. */
export function createRecovery(options: RecoveryOptions = {}): Recovery {
  const basePolicy: RecoveryPolicy = {
    ...DEFAULT_RECOVERY_POLICY,
    ...parsePolicy(recoveryPolicySchema, options.policy, 'policy'),
  };
  const stagePolicies = new Map<string, RecoveryPolicy>();
  for (const [stage, override] of Object.entries(options.stagePolicies ?? {})) {
    const parsed = parsePolicy(recoveryPolicySchema, override, `policy of stage "${stage}"`);
    stagePolicies.set(stage, { ...basePolicy, ...parsed });
  }
  const breakerPolicy: BreakerPolicy = {
    ...DEFAULT_BREAKER_POLICY,
    ...parsePolicy(breakerPolicySchema, options.breaker, 'breaker policy'),
  };
  if (breakerPolicy.minimumCalls > breakerPolicy.windowCalls) {
    throw invalidOptions(
      'breaker policy',
      `minimumCalls (${breakerPolicy.minimumCalls}) is larger than windowCalls (${breakerPolicy.windowCalls}), so the failure-rate rule could never apply`,
    );
  }
  const restored = options.snapshot === undefined ? undefined : parseSnapshot(options.snapshot);
  const isRetryable = options.isRetryable ?? isRetryableError;
  const shouldFallBack = options.shouldFallBack ?? defaultShouldFallBack;

  const stats: RecoveryStats = {
    attempts: 0,
    retries: 0,
    timeouts: 0,
    totalWaitMs: 0,
    rejections: 0,
    fallbacks: 0,
    escalations: 0,
    breakerTransitions: [],
  };

  const emit = (event: RecoveryEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A failing listener must not change the outcome of the call it observes.
    }
  };

  const countsAsFailure = (error: unknown): boolean =>
    !isCancellation(error) && (error instanceof CallTimeoutError || isRetryable(error));

  const breakers = new Map<string, ProviderBreaker>();
  const breakerFor = (key: string): ProviderBreaker => {
    const existing = breakers.get(key);
    if (existing !== undefined) return existing;
    const created = new ProviderBreaker({
      policy: breakerPolicy,
      countsAsFailure,
      restored: restored?.breakers[key],
      onTransition: (from, to) => {
        const atMs = Date.now();
        stats.breakerTransitions.push({ key, from, to, atMs });
        emit({
          type: 'breaker',
          key,
          from,
          to,
          atMs,
          message: `The circuit breaker for ${key} went from ${from} to ${to}.`,
        });
      },
    });
    breakers.set(key, created);
    return created;
  };
  for (const key of Object.keys(restored?.breakers ?? {})) breakerFor(key);

  const policyFor = (stage: string | undefined): RecoveryPolicy =>
    (stage === undefined ? undefined : stagePolicies.get(stage)) ?? basePolicy;

  const runAttempt = <T>(
    call: RecoveryCall,
    policy: RecoveryPolicy,
    operation: RecoveryOperation<T>,
    attempt: number,
  ): Promise<T> =>
    timeout(policy.timeoutMs, TimeoutStrategy.Cooperative).execute(async ({ signal }) => {
      stats.attempts += 1;
      try {
        return await operation(signal, attempt);
      } catch (error) {
        if (isAborted(call.signal)) {
          throw asCancelled(call, error);
        }
        if (!signal.aborted) throw error;
        stats.timeouts += 1;
        const timedOut = new CallTimeoutError({
          key: call.key,
          stage: call.stage,
          timeoutMs: policy.timeoutMs,
          attempt,
          cause: error,
        });
        emit({
          type: 'timeout',
          key: call.key,
          ...(call.stage === undefined ? {} : { stage: call.stage }),
          attempt,
          timeoutMs: policy.timeoutMs,
          message: timedOut.message,
        });
        throw timedOut;
      }
    }, call.signal);

  const runCall = async <T>(call: RecoveryCall, operation: RecoveryOperation<T>): Promise<T> => {
    if (isAborted(call.signal)) throw cancelled(call, call.signal?.reason);
    const policy = policyFor(call.stage);
    const breaker = breakerFor(call.key);
    const stageFacts = call.stage === undefined ? {} : { stage: call.stage };

    const shouldRetry = (error: unknown): boolean => {
      if (isAborted(call.signal) || !isRetryable(error)) return false;
      const retryAfterMs = retryAfterOf(error);
      return retryAfterMs === undefined || retryAfterMs <= policy.maxRetryAfterMs;
    };
    const retryPolicy = retry(handleWhen(shouldRetry), {
      maxAttempts: policy.maxAttempts - 1,
      backoff: createRetryAfterBackoff(policy),
    }).dangerouslyUnref();
    retryPolicy.onRetry((retried) => {
      const failure = 'error' in retried ? retried.error : undefined;
      const retryAfterMs = retryAfterOf(failure);
      stats.retries += 1;
      stats.totalWaitMs += retried.delay;
      emit({
        type: 'retry',
        key: call.key,
        ...stageFacts,
        attempt: retried.attempt,
        delayMs: retried.delay,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        code: codeOf(failure),
        message: `Attempt ${retried.attempt} of ${describe(call)} failed (${codeOf(failure)}: ${messageOf(failure)}); retrying in ${retried.delay} ms.`,
      });
    });

    const attempts = retryPolicy.execute(async ({ attempt }) => {
      if (isAborted(call.signal)) throw cancelled(call, call.signal?.reason);
      try {
        return await breaker.execute(
          () => runAttempt(call, policy, operation, attempt + 1),
          call.signal,
        );
      } catch (error) {
        if (isBrokenCircuitError(error)) {
          const retryAtMs = breaker.retryAtMs() ?? Date.now();
          const refused = new CircuitOpenError({
            key: call.key,
            retryAtMs,
            cause: breaker.lastFailure(),
          });
          stats.rejections += 1;
          emit({
            type: 'rejected',
            key: call.key,
            ...stageFacts,
            retryAtMs,
            message: refused.message,
          });
          throw refused;
        }
        if (isTaskCancelledError(error) || isAborted(call.signal)) {
          throw asCancelled(call, error);
        }
        throw error;
      }
    }, call.signal);
    // cockatiel's retry waits are unref'd timers (so a cancelled call's abandoned wait does not
    // hold the process); this handle keeps the process alive while the call is still wanted,
    // or a process whose only pending work is retry waits would exit in the middle of the run.
    const keepAlive = setInterval(() => {}, KEEP_ALIVE_INTERVAL_MS);
    try {
      return await untilAborted(attempts, call.signal, () => cancelled(call, call.signal?.reason));
    } finally {
      clearInterval(keepAlive);
    }
  };

  const escalate = (call: FallbackCall, keys: string[], error: unknown): void => {
    if (call.required !== true || isCancellation(error)) return;
    stats.escalations += 1;
    const code = codeOf(error);
    const what = call.stage === undefined ? 'A required call' : `The required ${call.stage} call`;
    emit({
      type: 'escalate',
      key: keys[keys.length - 1] ?? '',
      ...(call.stage === undefined ? {} : { stage: call.stage }),
      code,
      keys,
      message: `${what} failed after recovery on ${keys.join(', ')} (${code}: ${messageOf(error)}).`,
    });
  };

  return {
    async execute(call, operation) {
      try {
        return await runCall(call, operation);
      } catch (error) {
        escalate(call, [call.key], error);
        throw error;
      }
    },

    async executeWithFallback(call, candidates) {
      if (candidates.length === 0) {
        throw new ConfigError(
          'NO_FALLBACK_CANDIDATES',
          'executeWithFallback got no candidates. Pass at least one { key, run } (e.g. the models of the stage, best first).',
          call.stage === undefined ? {} : { details: { stage: call.stage } },
        );
      }
      const tried: string[] = [];
      let lastError: unknown;
      for (const [index, candidate] of candidates.entries()) {
        tried.push(candidate.key);
        try {
          const value = await runCall({ ...call, key: candidate.key }, candidate.run);
          return { value, key: candidate.key, fellBack: index > 0 };
        } catch (error) {
          lastError = error;
          const next = candidates[index + 1];
          if (next === undefined || isAborted(call.signal) || !shouldFallBack(error)) break;
          stats.fallbacks += 1;
          const code = codeOf(error);
          emit({
            type: 'fallback',
            key: candidate.key,
            ...(call.stage === undefined ? {} : { stage: call.stage }),
            to: next.key,
            code,
            message: `${describe({ key: candidate.key, stage: call.stage })} failed (${code}); falling back to ${next.key}.`,
          });
        }
      }
      escalate(call, tried, lastError);
      throw lastError;
    },

    breakerState(key) {
      return breakers.get(key)?.state() ?? 'closed';
    },

    snapshot() {
      const saved: RecoverySnapshot['breakers'] = {};
      for (const [key, breaker] of breakers) saved[key] = breaker.snapshot();
      return { version: 1, savedAtMs: Date.now(), breakers: saved };
    },

    stats() {
      return {
        ...stats,
        breakerTransitions: stats.breakerTransitions.map((transition) => ({ ...transition })),
      };
    },
  };
}
