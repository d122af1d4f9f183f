const FALLBACK = '{"summary": "The cou';

/**
 * JSON cut off in the middle, as a model that hit its token limit or a broken proxy sends it:
 * the first half of `json`, or a truncated object when there is no JSON to cut or its first
 * half would still parse.
 */
export function truncateJson(json?: string): string {
  if (json === undefined) return FALLBACK;
  const half = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
  try {
    JSON.parse(half);
  } catch {
    return half;
  }
  return FALLBACK;
}
