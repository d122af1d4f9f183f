import {
  briefingOutputSchema,
  claimsOutputSchema,
  crossReferenceOutputSchema,
  deceptionOutputSchema,
  factCheckOutputSchema,
  fallaciesOutputSchema,
  InputError,
  knowledgeGraphOutputSchema,
  memoryWriteOutputSchema,
  perspectivesOutputSchema,
  qualityGateOutputSchema,
  secondOpinionOutputSchema,
  sentimentOutputSchema,
  speakerProfileOutputSchema,
  summaryOutputSchema,
  threatOutputSchema,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { sampleFromJsonSchema } from './sample-from-json-schema.js';

const PLACEHOLDER = /lorem|ipsum|goes here|\[insert|placeholder|todo|tbd|sample|example text/i;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('sampleFromJsonSchema', () => {
  it('produces a value that the zod schema accepts, for enums, arrays, nesting, optional and nullable fields', () => {
    const schema = z.object({
      title: z.string().min(12).max(40),
      verdict: z.enum(['supported', 'refuted', 'unverifiable']),
      confidence: z.number().min(0).max(1),
      count: z.number().int().min(3),
      ratio: z.number().gt(2).lt(3),
      step: z.number().multipleOf(5).min(7),
      quotes: z.array(z.string().min(1)).min(3),
      evidence: z
        .array(z.object({ source: z.url(), publishedAt: z.iso.datetime(), id: z.uuid() }))
        .min(2),
      author: z.object({ name: z.string(), email: z.email(), tags: z.array(z.string()) }),
      note: z.string().optional(),
      reviewer: z.string().nullable(),
      flag: z.boolean(),
      kind: z.literal('fact-check'),
    });
    const sample = sampleFromJsonSchema(z.toJSONSchema(schema));
    const parsed = schema.safeParse(sample);
    expect(parsed.error).toBeUndefined();
    expect(parsed.success).toBe(true);
    expect(sample).toMatchObject({
      verdict: 'supported',
      count: 3,
      confidence: 0,
      reviewer: null,
      kind: 'fact-check',
    });
    expect(sample).not.toHaveProperty('note');
  });

  it('makes array items differ so dedupe logic downstream keeps them', () => {
    const schema = z.object({
      topics: z.array(z.string()).min(3),
      levels: z.array(z.enum(['low', 'high'])).min(2),
    });
    const sample = sampleFromJsonSchema(z.toJSONSchema(schema)) as {
      topics: string[];
      levels: string[];
    };
    expect(new Set(sample.topics).size).toBe(3);
    expect(sample.levels).toEqual(['low', 'high']);
  });

  it('fills strings with neutral words, never placeholder text', () => {
    const schema = z.object({
      summary: z.string().min(40),
      keyPoints: z.array(z.string().min(5)).min(4),
    });
    const sample = sampleFromJsonSchema(z.toJSONSchema(schema));
    const strings = stringsIn(sample);
    expect(strings.length).toBe(5);
    for (const value of strings) expect(value).not.toMatch(PLACEHOLDER);
    expect((sample as { summary: string }).summary.length).toBeGreaterThanOrEqual(40);
  });

  it('follows $ref into $defs and definitions, including recursive schemas', () => {
    const node: z.ZodType<{ label: string; children: unknown[] }> = z.object({
      label: z.string().min(1),
      get children() {
        return z.array(node);
      },
    });
    const tree = z.object({ root: node });
    const jsonSchema = z.toJSONSchema(tree);
    expect(JSON.stringify(jsonSchema)).toContain('$ref');
    expect(tree.safeParse(sampleFromJsonSchema(jsonSchema)).success).toBe(true);

    const draft7 = {
      type: 'object',
      required: ['point'],
      properties: { point: { $ref: '#/definitions/Point' } },
      definitions: {
        Point: {
          type: 'object',
          required: ['x', 'y'],
          properties: { x: { type: 'integer', minimum: 2 }, y: { type: 'number' } },
        },
      },
    };
    expect(sampleFromJsonSchema(draft7)).toEqual({ point: { x: 2, y: 0 } });
  });

  it('takes the first anyOf/oneOf member, merges allOf and returns null for nullable', () => {
    expect(
      sampleFromJsonSchema({ anyOf: [{ type: 'integer', minimum: 4 }, { type: 'string' }] }),
    ).toBe(4);
    expect(sampleFromJsonSchema({ oneOf: [{ const: 'first' }, { const: 'second' }] })).toBe(
      'first',
    );
    expect(
      sampleFromJsonSchema({
        allOf: [
          { type: 'object', required: ['a'], properties: { a: { type: 'boolean' } } },
          { required: ['b'], properties: { b: { enum: ['x', 'y'] } } },
        ],
      }),
    ).toEqual({ a: false, b: 'x' });
    expect(sampleFromJsonSchema({ type: 'string', nullable: true })).toBeNull();
    expect(sampleFromJsonSchema({ type: ['string', 'null'] })).toBeNull();
  });

  it('satisfies simple patterns and tuple schemas', () => {
    const schema = z.object({
      code: z.string().regex(/^[A-Z_]+$/),
      pair: z.tuple([z.string(), z.number().int().min(1)]),
    });
    expect(schema.safeParse(sampleFromJsonSchema(z.toJSONSchema(schema))).success).toBe(true);
  });

  it.each([
    ['summary', summaryOutputSchema],
    ['claims', claimsOutputSchema],
    ['fact-check', factCheckOutputSchema],
    ['fallacies', fallaciesOutputSchema],
    ['sentiment', sentimentOutputSchema],
    ['perspectives', perspectivesOutputSchema],
    ['deception', deceptionOutputSchema],
    ['threat', threatOutputSchema],
    ['knowledge-graph', knowledgeGraphOutputSchema],
    ['quality-gate', qualityGateOutputSchema],
    ['briefing', briefingOutputSchema],
    ['cross-reference', crossReferenceOutputSchema],
    ['speaker-profile', speakerProfileOutputSchema],
    ['second-opinion', secondOpinionOutputSchema],
    ['memory-write', memoryWriteOutputSchema],
  ] as const)('gives a valid default for the %s output of @orch/core', (_name, schema) => {
    const parsed = (schema as z.ZodType).safeParse(sampleFromJsonSchema(z.toJSONSchema(schema)));
    expect(parsed.error).toBeUndefined();
  });

  it('rejects what is not a schema, unresolvable references and unsatisfiable schemas', () => {
    const codeOf = (schema: unknown): string | undefined => {
      try {
        sampleFromJsonSchema(schema);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).code;
      }
      return undefined;
    };
    expect(codeOf('not a schema')).toBe('JSON_SCHEMA_INVALID');
    expect(codeOf({ $ref: '#/$defs/Missing' })).toBe('JSON_SCHEMA_UNRESOLVED_REF');
    expect(codeOf({ $ref: 'https://example.com/schema.json' })).toBe('JSON_SCHEMA_UNRESOLVED_REF');
    expect(codeOf({ type: 'object', required: ['a'], properties: { a: false } })).toBe(
      'JSON_SCHEMA_UNSATISFIABLE',
    );
    const loop = {
      $defs: { A: { type: 'object', required: ['a'], properties: { a: { $ref: '#/$defs/A' } } } },
      $ref: '#/$defs/A',
    };
    expect(codeOf(loop)).toBe('JSON_SCHEMA_TOO_DEEP');
  });
});
