const DAY_MS = 86_400_000;

/** The UTC day holding `at`, as [start, end) ISO strings (comparable as text). */
export function utcDayBounds(at: Date): { start: string; end: string } {
  const start = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + DAY_MS).toISOString(),
  };
}

/** `YYYY-MM-DD` of an ISO instant, in UTC. */
export function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}
