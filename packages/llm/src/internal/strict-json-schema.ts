import { ConfigError } from '@orch/core';
import { acceptsNull, isRecord, type JsonSchema } from './json-schema.js';

/** Types that take `null` through a type list (`["string", "null"]`); others use anyOf. */
const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean']);
/** Keywords strict mode rejects and zod's own parse covers (a default applies once the null is stripped). */
const DROPPED_KEYWORDS = new Set(['default']);
/** Keywords whose value is one subschema. */
const SUBSCHEMA_KEYWORDS = new Set(['items', 'additionalItems', 'not', 'contains']);
/** Keywords whose value is a list of subschemas. */
const SUBSCHEMA_LIST_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
/** Keywords whose value maps names to subschemas. */
const SUBSCHEMA_MAP_KEYWORDS = new Set(['properties', 'definitions', '$defs']);

/**
 * Rewrites a JSON Schema for OpenAI strict structured output: every object lists all of its
 * properties in `required` and has `additionalProperties: false`; a property that was optional
 * becomes required and nullable (the model answers `null`, stripNulls removes it again).
 * The input is not modified.
 *
 * @throws ConfigError `LLM_SCHEMA_NOT_STRICT_COMPATIBLE` when the root is not an object or an
 *   object has free-form keys (a zod record), which strict mode cannot express.
 */
export function toStrictJsonSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _marker, ...root } = schema;
  if (root.type !== 'object') {
    throw notCompatible('#', 'the top level must be an object (wrap the value in z.object)');
  }
  return strictNode(root, root, '#') as JsonSchema;
}

function strictNode(node: unknown, root: JsonSchema, path: string): unknown {
  if (!isRecord(node)) return node;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (SUBSCHEMA_KEYWORDS.has(key)) {
      result[key] = Array.isArray(value)
        ? value.map((item, index) => strictNode(item, root, `${path}/${key}/${index}`))
        : strictNode(value, root, `${path}/${key}`);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      result[key] = value.map((item, index) => strictNode(item, root, `${path}/${key}/${index}`));
    } else if (SUBSCHEMA_MAP_KEYWORDS.has(key) && isRecord(value)) {
      const mapped: JsonSchema = {};
      for (const [name, child] of Object.entries(value)) {
        mapped[name] = strictNode(child, root, `${path}/${key}/${name}`);
      }
      result[key] = mapped;
    } else {
      result[key] = value;
    }
  }
  if (!describesObject(result)) return result;

  const extra = result.additionalProperties;
  if (
    'propertyNames' in result ||
    'patternProperties' in result ||
    (isRecord(extra) && Object.keys(extra).length > 0)
  ) {
    throw notCompatible(
      path,
      'an object with free-form keys (z.record) is not allowed; use an array of { key, value } objects instead',
    );
  }
  const properties = isRecord(result.properties) ? result.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const strictProperties: JsonSchema = {};
  for (const [name, property] of Object.entries(properties)) {
    strictProperties[name] = required.has(name) ? property : nullable(property, root);
  }
  result.properties = strictProperties;
  result.required = Object.keys(strictProperties);
  result.additionalProperties = false;
  return result;
}

function describesObject(schema: JsonSchema): boolean {
  const { type } = schema;
  return (
    type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in schema
  );
}

function nullable(property: unknown, root: JsonSchema): unknown {
  if (!isRecord(property) || acceptsNull(property, root)) return property;
  const simple =
    typeof property.type === 'string' &&
    PRIMITIVE_TYPES.has(property.type) &&
    !('enum' in property) &&
    !('const' in property) &&
    !('$ref' in property);
  if (simple) return { ...property, type: [property.type, 'null'] };
  return { anyOf: [property, { type: 'null' }] };
}

function notCompatible(path: string, problem: string): ConfigError {
  return new ConfigError(
    'LLM_SCHEMA_NOT_STRICT_COMPATIBLE',
    `The schema cannot be used for strict structured output at ${path}: ${problem}. Change the schema, or set structuredOutput to "json_object".`,
    { details: { path } },
  );
}
