import type { GroundingIssue } from '@orch/quality';

/** The path of the innermost list item an issue sits in ("a[1].b[2].quote" -> "a[1].b[2]"), or undefined for a scalar. */
export function itemPathOf(issuePath: string): string | undefined {
  const match = /^(.*\[\d+\])[^[]*$/.exec(issuePath);
  return match?.[1];
}

function without(value: unknown, path: string, drop: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!drop.has(itemPath)) kept.push(without(item, itemPath, drop));
    });
    return kept;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = without(item, path === '' ? key : `${path}.${key}`, drop);
    }
    return copy;
  }
  return value;
}

/** A copy of the output without the list items the issues point into. */
export function dropItems<T>(output: T, issues: readonly GroundingIssue[]): T {
  const drop = new Set<string>();
  for (const issue of issues) {
    const itemPath = itemPathOf(issue.path);
    if (itemPath !== undefined) drop.add(itemPath);
  }
  return without(output, '', drop) as T;
}
