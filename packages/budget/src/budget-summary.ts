import { z } from 'zod';

const usd = z.number().min(0);

/** The JSON-serialisable account of one run's budget (for reports and run records). */
export const budgetSummarySchema = z.object({
  runId: z.string().min(1),
  tenant: z.string().min(1),
  capUsd: usd,
  dailyCapUsd: usd.optional(),
  /** Actual cost of the settled calls with a known price. */
  spentUsd: usd,
  /** Worst-case amounts of the calls reserved but not yet settled or released. */
  reservedUsd: usd,
  remainingUsd: usd,
  /** Settled calls, unknown-price ones included. */
  calls: z.number().int().min(0),
  openReservations: z.number().int().min(0),
  /** Settled calls whose model had no price: their cost is not in `spentUsd`, which is then a lower bound. */
  unknownPriceCalls: z.number().int().min(0),
  unknownPriceModels: z.array(z.string()),
  perStage: z.record(z.string(), usd),
  perModel: z.record(z.string(), usd),
  /** Soft thresholds (fractions of the cap) that spend has reached, in the order crossed. */
  thresholdsCrossed: z.array(z.number().positive()),
});

export type BudgetSummary = z.infer<typeof budgetSummarySchema>;
