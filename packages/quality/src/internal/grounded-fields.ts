import type { StageId } from '@orch/core';

/** How a field must relate to the source. */
export type GroundingKind = 'quote' | 'claim';

/** A field whose value must come from the source, located by a path pattern such as "checks[].evidence[].quote". */
export interface GroundedField {
  pattern: string;
  kind: GroundingKind;
  /** Only checked when this holds for the object that owns the field. */
  applies?: (owner: Record<string, unknown>) => boolean;
}

/** Evidence quoted from the analysed content (no source, or source "content"); external evidence is not checked. */
function isContentEvidence(owner: Record<string, unknown>): boolean {
  const source = owner.source;
  return (
    source === undefined ||
    (typeof source === 'string' && source.trim().toLowerCase() === 'content')
  );
}

export const GROUNDED_FIELDS: { readonly [S in StageId]?: readonly GroundedField[] } = {
  claims: [{ pattern: 'claims[].text', kind: 'claim' }],
  'fact-check': [
    { pattern: 'checks[].claim', kind: 'claim' },
    { pattern: 'checks[].evidence[].quote', kind: 'quote', applies: isContentEvidence },
  ],
  fallacies: [{ pattern: 'fallacies[].quote', kind: 'quote' }],
  sentiment: [{ pattern: 'rhetoric[].quote', kind: 'quote' }],
  'knowledge-graph': [{ pattern: 'relations[].evidence', kind: 'quote' }],
  perspectives: [
    { pattern: 'perspectives[].supportingQuotes[]', kind: 'quote' },
    { pattern: 'bias.indicators[].quote', kind: 'quote' },
  ],
  threat: [{ pattern: 'manipulationIndicators[].quote', kind: 'quote' }],
  'speaker-profile': [{ pattern: 'speakers[].persuasionTechniques[].quote', kind: 'quote' }],
};

/** A string found at a pattern, with its concrete path ("checks[1].evidence[0].quote"). */
export interface FieldValue {
  path: string;
  value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Collects the values at `field.pattern` in `root`, tolerating missing or mistyped parts (a
 * missing array yields nothing: schema problems are the schema's job, not this check's).
 */
export function collectField(root: unknown, field: GroundedField): FieldValue[] {
  const steps = field.pattern.split('.');
  let current: Array<{ path: string; value: unknown; owner: Record<string, unknown> | undefined }> =
    [{ path: '', value: root, owner: undefined }];
  for (const step of steps) {
    const isArray = step.endsWith('[]');
    const key = isArray ? step.slice(0, -2) : step;
    const next: typeof current = [];
    for (const { path, value } of current) {
      if (!isRecord(value) || !(key in value)) continue;
      const child = value[key];
      const childPath = path === '' ? key : `${path}.${key}`;
      if (!isArray) {
        if (child !== undefined) next.push({ path: childPath, value: child, owner: value });
        continue;
      }
      if (!Array.isArray(child)) continue;
      child.forEach((item, position) => {
        next.push({ path: `${childPath}[${position}]`, value: item, owner: value });
      });
    }
    current = next;
  }
  return current
    .filter(({ owner }) => owner !== undefined && (field.applies?.(owner) ?? true))
    .map(({ path, value }) => ({ path, value }));
}

/** Every string in `value` with its path, depth first in key order. */
export function collectStrings(value: unknown, path = ''): FieldValue[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) {
    return value.flatMap((item, position) => collectStrings(item, `${path}[${position}]`));
  }
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      collectStrings(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}
