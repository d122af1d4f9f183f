import type {
  Claim,
  ClaimsOutput,
  FallaciesOutput,
  GraphEntity,
  KnowledgeGraphOutput,
} from '@orch/core';
import { normalizeForMatching } from '@orch/quality';

function normalised(text: string): string {
  return normalizeForMatching(text).toLowerCase();
}

/** Claims of all chunks: deduplicated by normalised text, the top maxClaims by checkWorthiness, renumbered c1... */
export function mergeClaims(parts: readonly ClaimsOutput[], maxClaims: number): Claim[] {
  const byText = new Map<string, Claim>();
  for (const claim of parts.flatMap((part) => part.claims)) {
    const key = normalised(claim.text);
    const known = byText.get(key);
    if (!known || claim.checkWorthiness > known.checkWorthiness) byText.set(key, claim);
  }
  return limitClaims([...byText.values()], maxClaims);
}

/** The top maxClaims by checkWorthiness (stable), renumbered c1... */
export function limitClaims(claims: readonly Claim[], maxClaims: number): Claim[] {
  return claims
    .map((claim, order) => ({ claim, order }))
    .sort((a, b) => b.claim.checkWorthiness - a.claim.checkWorthiness || a.order - b.order)
    .slice(0, maxClaims)
    .map(({ claim }, index) => ({ ...claim, id: `c${index + 1}` }));
}

/** Fallacies of all chunks, deduplicated by type and normalised quote. */
export function mergeFallacies(parts: readonly FallaciesOutput[]): FallaciesOutput['fallacies'] {
  const seen = new Set<string>();
  return parts
    .flatMap((part) => part.fallacies)
    .filter((fallacy) => {
      const key = `${fallacy.type}\u0000${normalised(fallacy.quote)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Graphs of all chunks: entities merged by id (mentions added up), relations deduplicated. */
export function mergeGraphs(
  parts: readonly KnowledgeGraphOutput[],
): Pick<KnowledgeGraphOutput, 'entities' | 'relations'> {
  const entities = new Map<string, GraphEntity>();
  for (const entity of parts.flatMap((part) => part.entities)) {
    const known = entities.get(entity.id);
    entities.set(
      entity.id,
      known ? { ...known, mentions: known.mentions + entity.mentions } : entity,
    );
  }
  const seen = new Set<string>();
  const relations = parts
    .flatMap((part) => part.relations)
    .filter((relation) => {
      const key = [relation.source, normalised(relation.predicate), relation.target].join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { entities: [...entities.values()], relations };
}
