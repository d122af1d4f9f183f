import { ConfigError } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaOf } from './json-schema.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

const strictOf = (schema: z.ZodType) => toStrictJsonSchema(jsonSchemaOf(schema, 'test'));

describe('toStrictJsonSchema', () => {
  it('lists every property as required, closes every object and makes optional ones nullable', () => {
    const strict = strictOf(
      z.object({
        title: z.string(),
        subtitle: z.string().optional(),
        tags: z.array(z.object({ name: z.string(), weight: z.number().optional() })),
      }),
    );
    expect(strict).toEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        subtitle: { type: ['string', 'null'] },
        tags: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, weight: { type: ['number', 'null'] } },
            required: ['name', 'weight'],
            additionalProperties: false,
          },
        },
      },
      required: ['title', 'subtitle', 'tags'],
      additionalProperties: false,
    });
  });

  it('wraps optional enums, objects and references in anyOf with null', () => {
    const strict = strictOf(
      z.object({
        mood: z.enum(['calm', 'angry']).optional(),
        span: z.object({ start: z.number() }).optional(),
      }),
    );
    const properties = strict.properties as Record<string, unknown>;
    expect(properties.mood).toEqual({
      anyOf: [{ type: 'string', enum: ['calm', 'angry'] }, { type: 'null' }],
    });
    expect(properties.span).toEqual({
      anyOf: [
        {
          type: 'object',
          properties: { start: { type: 'number' } },
          required: ['start'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    });
  });

  it('keeps a nullable required property as it is and drops the default keyword', () => {
    const strict = strictOf(
      z.object({ score: z.number().nullable(), label: z.string().default('none') }),
    );
    const properties = strict.properties as Record<string, Record<string, unknown>>;
    expect(properties.score).toEqual({ type: ['number', 'null'] });
    expect(properties.label).toEqual({ type: ['string', 'null'] });
    expect(strict.required).toEqual(['score', 'label']);
  });

  it('rewrites objects inside definitions used by recursive schemas', () => {
    const node: z.ZodType = z.lazy(() =>
      z.object({ name: z.string(), note: z.string().optional(), children: z.array(node) }),
    );
    const strict = strictOf(z.object({ root: node }));
    const text = JSON.stringify(strict);
    expect(text).not.toContain('"additionalProperties":{');
    const definitions = (strict.definitions ?? strict.$defs) as
      | Record<string, Record<string, unknown>>
      | undefined;
    const objects = definitions === undefined ? [] : Object.values(definitions);
    expect(objects.length).toBeGreaterThan(0);
    for (const definition of objects.filter((entry) => entry.type === 'object')) {
      expect(definition.additionalProperties).toBe(false);
      expect(definition.required).toEqual(Object.keys(definition.properties as object));
    }
  });

  it('does not modify its input', () => {
    const original = jsonSchemaOf(z.object({ note: z.string().optional() }), 'test');
    const copy = structuredClone(original);
    toStrictJsonSchema(original);
    expect(original).toEqual(copy);
  });

  it('refuses a top level that is not an object', () => {
    expect(() => strictOf(z.array(z.string()))).toThrow(ConfigError);
    try {
      strictOf(z.array(z.string()));
    } catch (error) {
      expect((error as ConfigError).code).toBe('LLM_SCHEMA_NOT_STRICT_COMPATIBLE');
    }
  });

  it('refuses records, naming where they are', () => {
    let caught: unknown;
    try {
      strictOf(z.object({ counts: z.record(z.string(), z.number()) }));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).code).toBe('LLM_SCHEMA_NOT_STRICT_COMPATIBLE');
    expect((caught as ConfigError).message).toContain('#/properties/counts');
  });
});
