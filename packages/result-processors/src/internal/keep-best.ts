/**
 * One item per key, the one with the highest score (the first on ties), sorted by score
 * descending; items with equal scores keep their first-seen order.
 */
export function keepBest<T>(
  items: Iterable<T>,
  key: (item: T) => string,
  score: (item: T) => number,
): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const itemKey = key(item);
    const current = best.get(itemKey);
    if (current === undefined || score(item) > score(current)) best.set(itemKey, item);
  }
  return [...best.values()].sort((left, right) => score(right) - score(left));
}
