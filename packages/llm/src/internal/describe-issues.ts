import type { z } from 'zod';

/** One line per issue, each naming the field it is about, e.g. `stages.summarize.model: ...`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const keys =
      issue.code === 'unrecognized_keys'
        ? ` (${issue.keys.map((key) => `"${key}"`).join(', ')})`
        : '';
    return `${field === '' ? '(top level)' : field}: ${issue.message}${keys}`;
  });
}
