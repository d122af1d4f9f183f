import type { GraphEntity, GraphRelation, KnowledgeGraphOutput } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { type LocatedEntity, locateEntities, type Mention } from './internal/entity-mentions.js';
import { countOption, ensureText } from './internal/validate.js';

export interface KnowledgeGraphOptions {
  /** Keep only the most mentioned people, organisations and places; default 30. */
  maxEntities?: number;
}

const DEFAULT_MAX_ENTITIES = 30;
export const CO_MENTION_PREDICATE = 'mentioned-with';

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface SentenceMention extends Mention {
  id: string;
}

/**
 * A knowledge graph read from the text without a model: people, organisations and places
 * (from the entity extractor; ids like `person:jane-doe`) and one relation for every two
 * entities mentioned in the same sentence. The predicate is the lemma of the first verb between
 * the two mentions ("not-" prefixed when negated), or `mentioned-with` when no verb stands
 * between them. The evidence is the exact sentence.
 */
export function buildKnowledgeGraph(
  text: string,
  options: KnowledgeGraphOptions = {},
): KnowledgeGraphOutput {
  const maxEntities = countOption(
    options.maxEntities,
    'maxEntities',
    'buildKnowledgeGraph',
    DEFAULT_MAX_ENTITIES,
  );
  const document = parseDocument(ensureText(text, 'buildKnowledgeGraph'));
  const named = locateEntities(document)
    .filter(
      (entity) =>
        entity.type === 'person' || entity.type === 'organization' || entity.type === 'place',
    )
    .slice(0, maxEntities);

  const entities: GraphEntity[] = [];
  const usedIds = new Set<string>();
  const mentionsById = new Map<string, LocatedEntity>();
  for (const entity of named) {
    const base = `${entity.type}:${slug(entity.text) || 'entity'}`;
    let id = base;
    for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
    usedIds.add(id);
    mentionsById.set(id, entity);
    entities.push({ id, name: entity.text, type: entity.type, mentions: entity.mentions.length });
  }

  const relations: GraphRelation[] = [];
  const seen = new Set<string>();
  for (const sentence of document.sentences) {
    const inSentence: SentenceMention[] = [];
    for (const [id, entity] of mentionsById) {
      for (const mention of entity.mentions) {
        if (mention.start >= sentence.start && mention.end <= sentence.end) {
          inSentence.push({ id, ...mention });
        }
      }
    }
    inSentence.sort((a, b) => a.start - b.start);
    for (let i = 0; i < inSentence.length; i += 1) {
      for (let j = i + 1; j < inSentence.length; j += 1) {
        const first = inSentence[i]!;
        const second = inSentence[j]!;
        if (first.id === second.id) continue;
        const verb = sentence.tokens.find(
          (token) => token.pos === 'VERB' && token.start >= first.end && token.end <= second.start,
        );
        const predicate =
          verb === undefined
            ? CO_MENTION_PREDICATE
            : `${verb.negated ? 'not-' : ''}${verb.lemma.toLowerCase()}`;
        const key = `${first.id}|${predicate}|${second.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        relations.push({ source: first.id, target: second.id, predicate, evidence: sentence.text });
      }
    }
  }
  return { method: 'heuristic', entities, relations };
}
