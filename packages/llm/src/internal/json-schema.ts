import { ConfigError } from '@orch/core';
import { z } from 'zod';

/** A JSON Schema document or subschema. */
export type JsonSchema = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The draft-7 JSON Schema of what `schema` accepts as input (what the model must produce),
 * without the `$schema` marker.
 *
 * @throws ConfigError `LLM_SCHEMA_UNREPRESENTABLE` when zod cannot express the schema.
 */
export function jsonSchemaOf(schema: z.ZodType, schemaName: string): JsonSchema {
  let document: JsonSchema;
  try {
    document = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'LLM_SCHEMA_UNREPRESENTABLE',
      `The schema "${schemaName}" cannot be expressed as JSON Schema (${reason}). Use JSON-compatible types (strings instead of dates, no functions or transforms on input).`,
      { cause: error, details: { schemaName } },
    );
  }
  const { $schema: _marker, ...rest } = document;
  return rest;
}

/** Follows local `$ref`s (`#`, `#/definitions/X`, `#/$defs/X`) to the schema they name. */
export function resolveReference(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; hops < 32 && typeof current.$ref === 'string'; hops += 1) {
    const target = lookUp(root, current.$ref);
    if (target === undefined) return current;
    current = target;
  }
  return current;
}

function lookUp(root: JsonSchema, reference: string): JsonSchema | undefined {
  if (reference === '#') return root;
  if (!reference.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const raw of reference.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return isRecord(current) ? current : undefined;
}

/** True when `node` accepts `null` as a value. */
export function acceptsNull(node: unknown, root: JsonSchema): boolean {
  if (node === true) return true;
  if (!isRecord(node)) return false;
  const schema = resolveReference(node, root);
  if (Object.keys(schema).length === 0) return true;
  const { type } = schema;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  if ('const' in schema && schema.const === null) return true;
  if (Array.isArray(schema.enum) && schema.enum.includes(null)) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.some((branch) => acceptsNull(branch, root))) {
      return true;
    }
  }
  return false;
}
