import { OrchError } from '@orch/core';

export interface CircuitOpenErrorOptions {
  /** The breaker key, e.g. "api.openai.com/gpt-4o-mini". */
  key: string;
  /** Wall-clock time (epoch ms) from which the breaker lets a trial call through. */
  retryAtMs: number;
  /** The failure that opened the breaker, when known in this process. */
  cause?: unknown;
}

/**
 * The circuit breaker of `key` is open: the call was refused without being made.
 * Code `CIRCUIT_OPEN`, category `provider`, not retryable (a fallback candidate may still run).
 */
export class CircuitOpenError extends OrchError {
  readonly key: string;
  readonly retryAtMs: number;

  constructor(options: CircuitOpenErrorOptions) {
    const { key, retryAtMs } = options;
    const when = new Date(retryAtMs).toISOString();
    super(
      'CIRCUIT_OPEN',
      `The circuit breaker for ${key} is open after repeated failures, so the call was not made. It lets a trial call through from ${when}; until then use another model (a fallback chain) or check the provider's status.`,
      { category: 'provider', retryable: false, cause: options.cause, details: { key, retryAtMs } },
    );
    this.key = key;
    this.retryAtMs = retryAtMs;
  }
}
