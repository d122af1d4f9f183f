import type { NamedEntity } from '@orch/core';
import { parseDocument } from './internal/document.js';
import { locateEntities } from './internal/entity-mentions.js';
import { ensureText } from './internal/validate.js';

/**
 * Extracts people, organisations and places (compromise) and dates, numbers, money and
 * percentages (wink-nlp). Forms of one entity are merged by normalised name ("Dr. Jane Doe",
 * "Jane Doe" and a later "Doe" are one person) and counted. Sorted by count, then by first
 * mention.
 */
export function extractEntities(text: string): NamedEntity[] {
  return locateEntities(parseDocument(ensureText(text, 'extractEntities'))).map((entity) => ({
    text: entity.text,
    type: entity.type,
    count: entity.mentions.length,
  }));
}
