import { OrchError } from '@orch/core';

export interface CallTimeoutErrorOptions {
  /** The breaker key, e.g. "api.openai.com/gpt-4o-mini". */
  key: string;
  /** The stage the call belonged to, when given. */
  stage?: string | undefined;
  /** The limit that was exceeded. */
  timeoutMs: number;
  /** Which attempt timed out (1 = the first). */
  attempt: number;
  /** Whatever the operation threw after its signal fired. */
  cause?: unknown;
}

/**
 * One attempt did not finish within `timeoutMs`; its signal was fired to abort the request.
 * Code `CALL_TIMEOUT`, category `timeout`, retryable.
 */
export class CallTimeoutError extends OrchError {
  readonly key: string;
  readonly timeoutMs: number;
  readonly attempt: number;

  constructor(options: CallTimeoutErrorOptions) {
    const { key, stage, timeoutMs, attempt } = options;
    const where = stage === undefined ? '' : ` for stage ${stage}`;
    const raise =
      stage === undefined
        ? 'policy.timeoutMs'
        : `stagePolicies["${stage}"].timeoutMs (or policy.timeoutMs)`;
    super(
      'CALL_TIMEOUT',
      `The call to ${key}${where} did not finish within ${timeoutMs} ms (attempt ${attempt}) and was aborted. Raise ${raise} for slow models, or use a faster model.`,
      {
        category: 'timeout',
        retryable: true,
        cause: options.cause,
        details: { key, timeoutMs, attempt, ...(stage === undefined ? {} : { stage }) },
      },
    );
    this.key = key;
    this.timeoutMs = timeoutMs;
    this.attempt = attempt;
  }
}
