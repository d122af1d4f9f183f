import {
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  HydratingCircuitError,
  handleWhen,
  type IDefaultPolicyContext,
} from 'cockatiel';
import type { BreakerPolicy } from '../breaker-policy.js';
import type { BreakerState } from '../breaker-state.js';
import type { BreakerSnapshot } from '../recovery-snapshot.js';
import { CountingBreaker, type CountingBreakerState } from './counting-breaker.js';

export interface ProviderBreakerOptions {
  policy: BreakerPolicy;
  /** Which failures count against the provider (others pass through uncounted). */
  countsAsFailure: (error: unknown) => boolean;
  /** State restored from a snapshot. */
  restored?: BreakerSnapshot | undefined;
  onTransition: (from: BreakerState, to: BreakerState) => void;
}

/** The shape cockatiel 3 produces in `CircuitBreakerPolicy.toJSON()` and reads as `initialState`. */
interface CockatielState {
  ownState: { value: CircuitState; openedAt?: number; attemptNo?: number };
  breakerState: CountingBreakerState;
}

function isCockatielState(value: unknown): value is CockatielState {
  if (typeof value !== 'object' || value === null) return false;
  const ownState = (value as { ownState?: unknown }).ownState;
  return (
    typeof ownState === 'object' &&
    ownState !== null &&
    typeof (ownState as { value?: unknown }).value === 'number'
  );
}

function toCockatielState(snapshot: BreakerSnapshot, policy: BreakerPolicy): CockatielState {
  const breakerState: CountingBreakerState = {
    consecutiveFailures: snapshot.consecutiveFailures,
    recentOutcomes: snapshot.recentOutcomes,
    trialSuccesses: snapshot.state === 'half-open' ? (snapshot.trialSuccesses ?? 0) : undefined,
  };
  if (snapshot.state === 'open') {
    const retryAtMs = snapshot.retryAtMs ?? 0;
    return {
      ownState: {
        value: CircuitState.Open,
        openedAt: retryAtMs - policy.halfOpenAfterMs,
        attemptNo: 1,
      },
      breakerState,
    };
  }
  return { ownState: { value: CircuitState.Closed }, breakerState };
}

/**
 * The circuit breaker of one provider + model: cockatiel's CircuitBreakerPolicy driven by a
 * CountingBreaker, plus the logical state (half-open lasts until enough trial calls succeeded).
 */
export class ProviderBreaker {
  private readonly circuit: CircuitBreakerPolicy;
  private readonly counter: CountingBreaker;
  private readonly policy: BreakerPolicy;
  private readonly onTransition: ProviderBreakerOptions['onTransition'];
  private logical: BreakerState;

  constructor(options: ProviderBreakerOptions) {
    const { policy, restored } = options;
    this.policy = policy;
    this.onTransition = options.onTransition;
    this.logical = restored?.state ?? 'closed';
    this.counter = new CountingBreaker(policy, () => this.moveTo('closed'));
    this.circuit = circuitBreaker(handleWhen(options.countsAsFailure), {
      halfOpenAfter: policy.halfOpenAfterMs,
      breaker: this.counter,
      ...(restored === undefined ? {} : { initialState: toCockatielState(restored, policy) }),
    });
    this.circuit.onBreak(() => this.moveTo('open'));
    this.circuit.onHalfOpen(() => this.moveTo('half-open'));
    this.circuit.onReset(() => this.counter.startTrial());
  }

  execute<T>(operation: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    return this.circuit.execute((_context: IDefaultPolicyContext) => operation(), signal);
  }

  /** For an open breaker, the wall-clock epoch ms from which a trial call may run. */
  retryAtMs(): number | undefined {
    const json: unknown = this.circuit.toJSON();
    if (!isCockatielState(json) || json.ownState.value !== CircuitState.Open) return undefined;
    return (json.ownState.openedAt ?? 0) + this.policy.halfOpenAfterMs;
  }

  /** The failure that opened the breaker in this process, if any. */
  lastFailure(): unknown {
    const last = this.circuit.lastFailure;
    if (last === undefined || !('error' in last)) return undefined;
    return last.error instanceof HydratingCircuitError ? undefined : last.error;
  }

  /** An open breaker whose period is over reports `half-open`: the next call is a trial. */
  state(): BreakerState {
    switch (this.circuit.state) {
      case CircuitState.Open:
      case CircuitState.Isolated: {
        const retryAtMs = this.retryAtMs();
        return retryAtMs !== undefined && retryAtMs <= Date.now() ? 'half-open' : 'open';
      }
      case CircuitState.HalfOpen:
        return 'half-open';
      default:
        return this.counter.onTrial ? 'half-open' : 'closed';
    }
  }

  snapshot(): BreakerSnapshot {
    const counted = this.counter.state;
    const base = {
      consecutiveFailures: counted.consecutiveFailures,
      recentOutcomes: counted.recentOutcomes,
    };
    if (this.circuit.state === CircuitState.HalfOpen) {
      // A trial call is in flight; after a restart the next call may be the trial.
      return { ...base, state: 'open', retryAtMs: Date.now() };
    }
    const retryAtMs = this.retryAtMs();
    if (retryAtMs !== undefined)
      return { ...base, state: 'open', retryAtMs: Math.max(0, retryAtMs) };
    if (counted.trialSuccesses !== undefined) {
      return { ...base, state: 'half-open', trialSuccesses: counted.trialSuccesses };
    }
    return { ...base, state: 'closed' };
  }

  private moveTo(to: BreakerState): void {
    if (to === this.logical) return;
    const from = this.logical;
    this.logical = to;
    this.onTransition(from, to);
  }
}
