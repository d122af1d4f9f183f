import { acceptsNull, isRecord, type JsonSchema, resolveReference } from './json-schema.js';

/**
 * Removes the `null`s a model wrote for optional properties under strict structured output,
 * guided by the original (non-strict) JSON Schema: a `null` is dropped only where the property
 * is optional and its schema does not accept `null`. Nulls the schema allows stay. Returns a
 * new value; the input is not modified.
 */
export function stripNulls(value: unknown, schema: JsonSchema): unknown {
  return strip(value, schema, schema);
}

function strip(value: unknown, node: unknown, root: JsonSchema): unknown {
  if (value === null || typeof value !== 'object' || !isRecord(node)) return value;
  const schema = resolveReference(node, root);
  if (Array.isArray(value)) {
    return value.map((item, index) => strip(item, itemSchema(schema, index, root), root));
  }
  const record = value as Record<string, unknown>;
  const shape = objectShape(schema, record, root);
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(record)) {
    const property = shape.properties[key];
    if (
      entry === null &&
      property !== undefined &&
      !shape.required.has(key) &&
      !acceptsNull(property, root)
    ) {
      continue;
    }
    result[key] = property === undefined ? entry : strip(entry, property, root);
  }
  return result;
}

function itemSchema(schema: JsonSchema, index: number, root: JsonSchema): unknown {
  if (Array.isArray(schema.prefixItems) && index < schema.prefixItems.length) {
    return schema.prefixItems[index];
  }
  if (Array.isArray(schema.items)) return schema.items[index] ?? schema.additionalItems;
  if (isRecord(schema.items)) return schema.items;
  const branch = firstBranch(schema, root, (candidate) => 'items' in candidate);
  return branch === undefined ? undefined : itemSchema(branch, index, root);
}

interface ObjectShape {
  properties: Record<string, unknown>;
  required: Set<string>;
}

/** The properties an object value is checked against, merging allOf and picking the anyOf/oneOf branch that fits. */
function objectShape(
  schema: JsonSchema,
  value: Record<string, unknown>,
  root: JsonSchema,
): ObjectShape {
  const shape: ObjectShape = { properties: {}, required: new Set() };
  const parts: JsonSchema[] = [schema];
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) if (isRecord(part)) parts.push(resolveReference(part, root));
  }
  const branch = firstBranch(schema, root, (candidate) => fits(candidate, value));
  if (branch !== undefined) parts.push(branch);
  for (const part of parts) {
    if (isRecord(part.properties)) Object.assign(shape.properties, part.properties);
    if (Array.isArray(part.required)) {
      for (const name of part.required) if (typeof name === 'string') shape.required.add(name);
    }
  }
  return shape;
}

/** The first anyOf/oneOf branch (references resolved) that satisfies `matches`. */
function firstBranch(
  schema: JsonSchema,
  root: JsonSchema,
  matches: (candidate: JsonSchema) => boolean,
): JsonSchema | undefined {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      if (!isRecord(branch)) continue;
      const resolved = resolveReference(branch, root);
      if (matches(resolved)) return resolved;
    }
  }
  return undefined;
}

/** Whether an object branch can describe `value`: its required keys are present and its constants match. */
function fits(candidate: JsonSchema, value: Record<string, unknown>): boolean {
  if (!isRecord(candidate.properties)) return false;
  if (Array.isArray(candidate.required)) {
    for (const name of candidate.required) {
      if (typeof name !== 'string' || !(name in value)) return false;
    }
  }
  for (const [name, property] of Object.entries(candidate.properties)) {
    if (!isRecord(property) || !(name in value)) continue;
    if ('const' in property && property.const !== value[name]) return false;
    if (Array.isArray(property.enum) && !property.enum.includes(value[name])) return false;
  }
  return true;
}
