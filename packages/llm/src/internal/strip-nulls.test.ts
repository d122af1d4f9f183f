import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonSchemaOf } from './json-schema.js';
import { stripNulls } from './strip-nulls.js';

describe('stripNulls', () => {
  it('removes nulls of optional properties so zod accepts the value', () => {
    const schema = z.object({ title: z.string(), subtitle: z.string().optional() });
    const stripped = stripNulls({ title: 'A', subtitle: null }, jsonSchemaOf(schema, 'test'));
    expect(stripped).toEqual({ title: 'A' });
    expect(schema.safeParse(stripped).success).toBe(true);
  });

  it('keeps nulls the schema allows, and nulls of required properties', () => {
    const schema = z.object({
      score: z.number().nullable(),
      maybe: z.number().nullable().optional(),
      name: z.string(),
    });
    const stripped = stripNulls(
      { score: null, maybe: null, name: null },
      jsonSchemaOf(schema, 'test'),
    );
    expect(stripped).toEqual({ score: null, maybe: null, name: null });
  });

  it('walks arrays, nested objects and union branches', () => {
    const schema = z.object({
      items: z.array(
        z.object({
          text: z.string(),
          speaker: z.string().optional(),
          span: z.object({ start: z.number(), end: z.number().optional() }).optional(),
        }),
      ),
      shape: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('circle'), radius: z.number(), label: z.string().optional() }),
        z.object({ kind: z.literal('square'), side: z.number(), color: z.string().optional() }),
      ]),
    });
    const stripped = stripNulls(
      {
        items: [
          { text: 'a', speaker: null, span: null },
          { text: 'b', speaker: 'Ann', span: { start: 1, end: null } },
        ],
        shape: { kind: 'square', side: 2, color: null },
      },
      jsonSchemaOf(schema, 'test'),
    );
    expect(stripped).toEqual({
      items: [{ text: 'a' }, { text: 'b', speaker: 'Ann', span: { start: 1 } }],
      shape: { kind: 'square', side: 2 },
    });
    expect(schema.safeParse(stripped).success).toBe(true);
  });

  it('follows references of recursive schemas', () => {
    const node: z.ZodType = z.lazy(() =>
      z.object({ name: z.string(), note: z.string().optional(), children: z.array(node) }),
    );
    const schema = z.object({ root: node });
    const stripped = stripNulls(
      { root: { name: 'a', note: null, children: [{ name: 'b', note: null, children: [] }] } },
      jsonSchemaOf(schema, 'test'),
    );
    expect(stripped).toEqual({
      root: { name: 'a', children: [{ name: 'b', children: [] }] },
    });
  });

  it('does not modify its input', () => {
    const value = { subtitle: null };
    stripNulls(value, jsonSchemaOf(z.object({ subtitle: z.string().optional() }), 'test'));
    expect(value).toEqual({ subtitle: null });
  });
});
