/** What a Budget reports to `onEvent`, in the order it happens. */
export type BudgetEvent =
  | {
      type: 'reserved';
      reservationId: string;
      stage: string;
      model: string;
      /** The worst-case cost held for the call (0 when the price is unknown). */
      amountUsd: number;
      spentUsd: number;
      reservedUsd: number;
      capUsd: number;
    }
  | {
      type: 'reconciled';
      reservationId: string;
      stage: string;
      model: string;
      /** What had been reserved. */
      amountUsd: number;
      /** The actual cost; null when the price is unknown. */
      costUsd: number | null;
      spentUsd: number;
      reservedUsd: number;
      capUsd: number;
    }
  | {
      type: 'released';
      reservationId: string;
      stage: string;
      model: string;
      amountUsd: number;
      spentUsd: number;
      reservedUsd: number;
      capUsd: number;
    }
  | {
      /** Spend reached a soft threshold (a fraction of the cap); once per threshold, lowest first. */
      type: 'threshold';
      threshold: number;
      thresholdPercent: number;
      spentUsd: number;
      capUsd: number;
    }
  | {
      /** A call was refused by a cap (the refusal is also thrown as BudgetExceededError). */
      type: 'exhausted';
      cap: 'run' | 'daily';
      stage: string;
      model: string;
      worstCaseUsd: number;
      remainingUsd: number;
      spentUsd: number;
      capUsd: number;
    }
  | {
      /** A model without a price was called (non-strict mode); once per model per budget. */
      type: 'price-unknown';
      stage: string;
      model: string;
    };

export type BudgetEventType = BudgetEvent['type'];
