import type { ModelPrice, PriceTable } from './model-price.js';

/** A dated snapshot suffix: `gpt-4o-mini-2024-07-18`. */
const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

function lookup(table: PriceTable, model: string): ModelPrice | undefined {
  return Object.hasOwn(table, model) ? table[model] : undefined;
}

/**
 * The prices of a model, or undefined when the table does not know it (an unknown price is
 * unknown, never free). Tries the exact id, then the id without its provider prefix
 * (`openai/gpt-4o-mini`), then without a dated snapshot suffix (`gpt-4o-mini-2024-07-18`).
 */
export function priceOf(table: PriceTable, model: string): ModelPrice | undefined {
  const exact = lookup(table, model);
  if (exact !== undefined) return exact;
  const slash = model.lastIndexOf('/');
  const bare = slash === -1 ? model : model.slice(slash + 1);
  const candidates = [bare, model.replace(SNAPSHOT_SUFFIX, ''), bare.replace(SNAPSHOT_SUFFIX, '')];
  for (const candidate of candidates) {
    if (candidate === model || candidate.length === 0) continue;
    const found = lookup(table, candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}
