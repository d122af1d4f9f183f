import { CircuitState, type IBreaker } from 'cockatiel';
import type { BreakerPolicy } from '../breaker-policy.js';

/** The serialisable part of a CountingBreaker (cockatiel stores it as `breakerState`). */
export interface CountingBreakerState {
  consecutiveFailures: number;
  /** Oldest first: `s` success, `f` failure. */
  recentOutcomes: string;
  /** Successful trial calls since cockatiel closed the circuit after a half-open test. */
  trialSuccesses: number | undefined;
}

/**
 * A cockatiel IBreaker that opens on N consecutive failures OR on a failure rate over a
 * count-based window, and that keeps a closed circuit "on trial" after a half-open test:
 * cockatiel closes after one successful test call, so this breaker reopens on the first failure
 * until `closeAfterSuccesses` trial calls have succeeded, and reports when that happens.
 */
export class CountingBreaker implements IBreaker {
  private consecutiveFailures = 0;
  private outcomes: boolean[] = [];
  private trialSuccesses: number | undefined;

  constructor(
    private readonly policy: BreakerPolicy,
    private readonly onTrialsPassed: () => void,
  ) {}

  get state(): CountingBreakerState {
    return {
      consecutiveFailures: this.consecutiveFailures,
      recentOutcomes: this.outcomes.map((failed) => (failed ? 'f' : 's')).join(''),
      trialSuccesses: this.trialSuccesses,
    };
  }

  set state(value: unknown) {
    const state = value as CountingBreakerState;
    this.consecutiveFailures = state.consecutiveFailures;
    this.outcomes = [...state.recentOutcomes]
      .slice(-this.policy.windowCalls)
      .map((outcome) => outcome === 'f');
    this.trialSuccesses = state.trialSuccesses;
  }

  /** True while the circuit is closed in cockatiel but still on trial. */
  get onTrial(): boolean {
    return this.trialSuccesses !== undefined;
  }

  /** Called when cockatiel closed the circuit after a half-open test; starts the trial. */
  startTrial(): void {
    this.trialSuccesses ??= 0;
    this.finishTrialIfPassed();
  }

  success(state: CircuitState): void {
    if (state === CircuitState.HalfOpen) {
      this.trialSuccesses = 1;
      return;
    }
    if (this.trialSuccesses !== undefined) {
      this.trialSuccesses += 1;
      this.finishTrialIfPassed();
      return;
    }
    this.consecutiveFailures = 0;
    this.record(false);
  }

  failure(state: CircuitState): boolean {
    if (state === CircuitState.HalfOpen || this.trialSuccesses !== undefined) {
      this.reset();
      return true;
    }
    this.consecutiveFailures += 1;
    this.record(true);
    if (this.shouldOpen()) {
      this.reset();
      return true;
    }
    return false;
  }

  private shouldOpen(): boolean {
    if (this.consecutiveFailures >= this.policy.consecutiveFailures) return true;
    if (this.outcomes.length < this.policy.minimumCalls) return false;
    const failures = this.outcomes.filter((failed) => failed).length;
    return failures / this.outcomes.length >= this.policy.failureRate;
  }

  private record(failed: boolean): void {
    this.outcomes.push(failed);
    if (this.outcomes.length > this.policy.windowCalls) this.outcomes.shift();
  }

  private finishTrialIfPassed(): void {
    if (this.trialSuccesses === undefined) return;
    if (this.trialSuccesses < this.policy.closeAfterSuccesses) return;
    this.reset();
    this.onTrialsPassed();
  }

  private reset(): void {
    this.consecutiveFailures = 0;
    this.outcomes = [];
    this.trialSuccesses = undefined;
  }
}
