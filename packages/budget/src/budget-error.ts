import { OrchError, type OrchErrorOptions } from '@orch/core';

type BudgetErrorOptions = Omit<OrchErrorOptions, 'category' | 'retryable'>;

/**
 * A call refused or misused by the budget (category `budget`, never retryable: the same call
 * would be refused again). Codes: `BUDGET_PRICE_UNKNOWN`, `BUDGET_RESERVATION_CLOSED`.
 */
export class BudgetError extends OrchError {
  constructor(code: string, message: string, options: BudgetErrorOptions = {}) {
    super(code, message, { ...options, category: 'budget', retryable: false });
  }
}

/** Which cap refused a call. */
export type BudgetCap = 'run' | 'daily';

/**
 * A call refused before it was sent because its worst-case cost does not fit: `BUDGET_EXCEEDED`
 * (the run's cap) or `BUDGET_DAILY_CAP_EXCEEDED` (the tenant's cap for the UTC day).
 */
export class BudgetExceededError extends BudgetError {
  readonly cap: BudgetCap;
  readonly stage: string;
  readonly worstCaseUsd: number;
  readonly remainingUsd: number;

  constructor(
    cap: BudgetCap,
    message: string,
    facts: {
      stage: string;
      model: string;
      worstCaseUsd: number;
      remainingUsd: number;
      capUsd: number;
    },
  ) {
    super(cap === 'run' ? 'BUDGET_EXCEEDED' : 'BUDGET_DAILY_CAP_EXCEEDED', message, {
      details: { cap, ...facts },
    });
    this.cap = cap;
    this.stage = facts.stage;
    this.worstCaseUsd = facts.worstCaseUsd;
    this.remainingUsd = facts.remainingUsd;
  }
}
