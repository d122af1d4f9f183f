export { type BudgetCap, BudgetError, BudgetExceededError } from './budget-error.js';
export type { BudgetEvent, BudgetEventType } from './budget-event.js';
export { toBudgetRunEvent } from './budget-run-event.js';
export { type BudgetSummary, budgetSummarySchema } from './budget-summary.js';
export { costOf, worstCaseCost } from './cost-of.js';
export {
  buildCostReport,
  type CostReport,
  type CostReportOptions,
  type CostReportRow,
  costReportRowSchema,
  costReportSchema,
} from './cost-report.js';
export { type CostReportQueryOptions, costReportQuery } from './cost-report-query.js';
export {
  type Budget,
  type BudgetOptions,
  createBudget,
  DEFAULT_THRESHOLDS,
  type Reservation,
  type ReservationRequest,
} from './create-budget.js';
export { DEFAULT_PRICE_TABLE } from './default-price-table.js';
export { type CostEstimate, type EstimatedCall, estimateCost } from './estimate-cost.js';
export { formatCostReport } from './format-cost-report.js';
export {
  LEDGER_ENTRY_STATUSES,
  type LedgerEntry,
  type LedgerQuery,
  type LedgerReservation,
  type LedgerReserveResult,
  type LedgerSettlement,
  type LedgerStore,
  ledgerEntrySchema,
} from './ledger-store.js';
export { createMemoryLedger } from './memory-ledger.js';
export {
  type ModelPrice,
  modelPriceSchema,
  type PriceTable,
  parsePriceTable,
  priceTableSchema,
  withPriceOverrides,
} from './model-price.js';
export { priceOf } from './price-of.js';
export { type Usage, usageSchema } from './usage.js';
