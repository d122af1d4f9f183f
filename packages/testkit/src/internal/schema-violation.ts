import { sampleFromJsonSchema } from '../sample-from-json-schema.js';
import {
  asSchemaNode,
  declaredTypes,
  flattenNode,
  isRecord,
  type SchemaNode,
} from './json-schema.js';

/** A value of each JSON type, used to put a wrong type where a schema expects another. */
const WRONG_VALUES: { type: string; value: unknown }[] = [
  { type: 'number', value: 12345 },
  { type: 'string', value: 'unexpected text' },
  { type: 'boolean', value: true },
  { type: 'array', value: ['unexpected'] },
  { type: 'object', value: { unexpected: true } },
];

/**
 * Valid JSON that breaks the schema: the default sample with its first required property
 * replaced by a value of the wrong type (or removed when no wrong type exists); for a root that
 * is not an object with required properties, a value of another type. Without a schema, an
 * array, which also breaks the `json_object` contract.
 */
export function violateJsonSchema(schema: unknown): unknown {
  if (schema === undefined) return [];
  const root = asSchemaNode(schema);
  const node = flattenNode(root, root);
  if (typeof node === 'boolean') return [];
  const required = Array.isArray(node.required)
    ? node.required.filter((key): key is string => typeof key === 'string')
    : [];
  const firstRequired = required[0];
  if (firstRequired !== undefined) {
    const sample = sampleFromJsonSchema(schema);
    if (isRecord(sample)) {
      const properties = isRecord(node.properties) ? node.properties : {};
      const propertySchema = properties[firstRequired];
      const wrong =
        propertySchema === undefined
          ? undefined
          : wrongTypeValue(root, asSchemaNode(propertySchema));
      if (wrong === undefined) delete sample[firstRequired];
      else sample[firstRequired] = wrong.value;
      return sample;
    }
  }
  return wrongTypeValue(root, node)?.value ?? [];
}

function wrongTypeValue(root: SchemaNode, raw: SchemaNode): { value: unknown } | undefined {
  const allowed = allowedTypes(root, raw);
  if (allowed === undefined) return undefined;
  if (allowed.has('number')) allowed.add('integer');
  if (allowed.has('integer')) allowed.add('number');
  const wrong = WRONG_VALUES.find((candidate) => !allowed.has(candidate.type));
  return wrong === undefined ? undefined : { value: wrong.value };
}

/** The JSON types a schema accepts, or undefined when it accepts any type. */
function allowedTypes(root: SchemaNode, raw: SchemaNode): Set<string> | undefined {
  const node = flattenNode(root, raw);
  if (node === true) return undefined;
  if (node === false) return new Set();
  const declared = declaredTypes(node);
  if (declared.length > 0) {
    const types = new Set(declared);
    if (node.nullable === true) types.add('null');
    return types;
  }
  const values = 'const' in node ? [node.const] : Array.isArray(node.enum) ? node.enum : undefined;
  if (values !== undefined) return new Set(values.map(jsonType));
  const alternatives = Array.isArray(node.anyOf) ? node.anyOf : node.oneOf;
  if (Array.isArray(alternatives)) {
    const types = new Set<string>();
    for (const alternative of alternatives) {
      const member = allowedTypes(root, asSchemaNode(alternative));
      if (member === undefined) return undefined;
      for (const type of member) types.add(type);
    }
    return types;
  }
  if (isRecord(node.properties)) return new Set(['object']);
  return undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
