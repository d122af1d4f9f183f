/** Model list prices in USD per million tokens. */
export interface Pricing {
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
}

/**
 * The list price of a cheap general model (USD 0.15 per million input tokens, 0.60 per million
 * output tokens, e.g. gpt-4o-mini). An estimate only: pass the pricing of the model you really
 * use, or `null` when no model is called; the budget package accounts for the real usage.
 */
export const DEFAULT_PRICING: Readonly<Pricing> = Object.freeze({
  inputPerMillionUsd: 0.15,
  outputPerMillionUsd: 0.6,
});
