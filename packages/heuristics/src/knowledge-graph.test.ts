import { knowledgeGraphOutputSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph } from './knowledge-graph.js';
import { splitSentences } from './sentences.js';

const TEXT = `Mayor Elena Marsh praised the Riverside Public Library at the opening. The Riverside Public Library partnered with Lakeshore University on a reading program. Marsh did not meet Dr. Priya Nand during the visit. Priya Nand, Elena Marsh and the Harbor Institute attended a dinner in Chicago.`;

describe('buildKnowledgeGraph', () => {
  it('keeps people, organisations and places with slugged ids', () => {
    const graph = buildKnowledgeGraph(TEXT);
    expect(knowledgeGraphOutputSchema.parse(graph)).toEqual(graph);
    expect(graph.method).toBe('heuristic');
    const ids = graph.entities.map((entity) => entity.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'person:elena-marsh',
        'person:priya-nand',
        'organization:riverside-public-library',
        'organization:lakeshore-university',
      ]),
    );
    expect(
      graph.entities.every((entity) => ['person', 'organization', 'place'].includes(entity.type)),
    ).toBe(true);
    expect(graph.entities.find((entity) => entity.id === 'person:elena-marsh')?.mentions).toBe(3);
  });

  it('names relations with the lemma of the verb between two entities', () => {
    const { relations } = buildKnowledgeGraph(TEXT);
    expect(relations).toContainEqual({
      source: 'person:elena-marsh',
      target: 'organization:riverside-public-library',
      predicate: 'praise',
      evidence: 'Mayor Elena Marsh praised the Riverside Public Library at the opening.',
    });
    expect(relations).toContainEqual(
      expect.objectContaining({
        source: 'organization:riverside-public-library',
        target: 'organization:lakeshore-university',
        predicate: 'partner',
      }),
    );
    expect(relations).toContainEqual(
      expect.objectContaining({
        source: 'person:elena-marsh',
        target: 'person:priya-nand',
        predicate: 'not-meet',
      }),
    );
  });

  it('uses mentioned-with when no verb stands between the two entities', () => {
    const { relations } = buildKnowledgeGraph(TEXT);
    expect(relations).toContainEqual(
      expect.objectContaining({
        source: 'person:priya-nand',
        target: 'person:elena-marsh',
        predicate: 'mentioned-with',
      }),
    );
  });

  it('takes every evidence from a sentence of the text', () => {
    const sentences = new Set(splitSentences(TEXT).map((sentence) => sentence.text));
    const { relations } = buildKnowledgeGraph(TEXT);
    expect(relations.length).toBeGreaterThan(3);
    for (const relation of relations) expect(sentences.has(relation.evidence)).toBe(true);
  });

  it('limits the number of entities and drops relations to entities left out', () => {
    const graph = buildKnowledgeGraph(TEXT, { maxEntities: 2 });
    expect(graph.entities).toHaveLength(2);
    const ids = new Set(graph.entities.map((entity) => entity.id));
    for (const relation of graph.relations) {
      expect(ids.has(relation.source) && ids.has(relation.target)).toBe(true);
    }
  });

  it('returns an empty graph for empty input', () => {
    expect(buildKnowledgeGraph('')).toEqual({ method: 'heuristic', entities: [], relations: [] });
  });
});
