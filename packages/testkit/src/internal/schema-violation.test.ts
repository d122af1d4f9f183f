import {
  claimsOutputSchema,
  factCheckOutputSchema,
  fallaciesOutputSchema,
  summaryOutputSchema,
} from '@orch/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { truncateJson } from './malformed-json.js';
import { violateJsonSchema } from './schema-violation.js';

describe('violateJsonSchema', () => {
  it.each([
    summaryOutputSchema,
    claimsOutputSchema,
    factCheckOutputSchema,
    fallaciesOutputSchema,
    z.object({ verdict: z.enum(['true', 'false']) }),
    z.object({ anything: z.unknown() }),
    z.object({ optionalOnly: z.string().optional() }),
  ])('gives JSON that the schema rejects (%#)', (schema) => {
    const value = violateJsonSchema(z.toJSONSchema(schema));
    const roundTripped = JSON.parse(JSON.stringify(value)) as unknown;
    expect((schema as z.ZodType).safeParse(roundTripped).success).toBe(false);
  });

  it('puts a wrong type in the first required property when it can', () => {
    const schema = z.object({ score: z.number(), label: z.string() });
    expect(violateJsonSchema(z.toJSONSchema(schema))).toEqual({
      score: 'unexpected text',
      label: 'alpha',
    });
  });

  it('breaks the json_object contract when there is no schema', () => {
    expect(violateJsonSchema(undefined)).toEqual([]);
  });
});

describe('truncateJson', () => {
  it('cuts JSON so that it no longer parses', () => {
    for (const json of ['{"a":1}', '[1,2,3]', '"text"', '12345', '{}', undefined]) {
      expect(() => JSON.parse(truncateJson(json))).toThrow(SyntaxError);
    }
  });
});
