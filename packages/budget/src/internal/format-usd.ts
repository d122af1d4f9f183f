/** Dollars for messages: cents when at least $1, else four decimals ($0.0123). */
export function formatUsd(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  return `${sign}$${magnitude.toFixed(magnitude >= 1 ? 2 : 4)}`;
}
