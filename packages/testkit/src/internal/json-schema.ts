import { InputError } from '@orch/core';

/** A JSON Schema node: an object, or `true`/`false`. */
export type SchemaNode = boolean | Record<string, unknown>;

/** How deep `$ref` chains and nesting may go before the schema counts as unbounded. */
export const MAX_SCHEMA_DEPTH = 64;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asSchemaNode(value: unknown): SchemaNode {
  if (typeof value === 'boolean' || isRecord(value)) return value;
  throw new InputError(
    'JSON_SCHEMA_INVALID',
    `Expected a JSON Schema (an object or a boolean) but got ${describe(value)}. Pass the schema object itself, e.g. the result of z.toJSONSchema(schema).`,
  );
}

/** Follows a local `$ref` (`#`, `#/$defs/Name`, `#/definitions/Name`, any JSON pointer). */
export function resolveReference(root: SchemaNode, reference: string): SchemaNode {
  if (!reference.startsWith('#')) {
    throw new InputError(
      'JSON_SCHEMA_UNRESOLVED_REF',
      `Cannot follow $ref "${reference}": only local references starting with "#" are supported. Inline the referenced schema or move it under $defs.`,
    );
  }
  const pointer = reference.slice(1);
  if (pointer === '') return root;
  let current: unknown = root;
  for (const rawToken of pointer.split('/').slice(1)) {
    const token = decodeURIComponent(rawToken).replaceAll('~1', '/').replaceAll('~0', '~');
    current = isRecord(current)
      ? current[token]
      : Array.isArray(current)
        ? current[Number(token)]
        : undefined;
    if (current === undefined) {
      throw new InputError(
        'JSON_SCHEMA_UNRESOLVED_REF',
        `Cannot follow $ref "${reference}": nothing at "${token}". Check that the referenced definition exists in the schema.`,
      );
    }
  }
  return asSchemaNode(current);
}

/**
 * Replaces a `$ref` node by its target (sibling keywords win) and folds `allOf` into one node,
 * so callers only see plain keywords. Returns booleans unchanged.
 */
export function flattenNode(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode {
  if (depth > MAX_SCHEMA_DEPTH) throw tooDeep();
  if (typeof node === 'boolean') return node;
  let current: Record<string, unknown> = node;
  if (typeof current.$ref === 'string') {
    const { $ref, ...siblings } = current;
    const target = flattenNode(root, resolveReference(root, $ref as string), depth + 1);
    if (target === false) return false;
    current = { ...(target === true ? {} : target), ...siblings };
  }
  if (Array.isArray(current.allOf)) {
    const { allOf, ...rest } = current;
    let merged: Record<string, unknown> = rest;
    for (const member of allOf) {
      const flat = flattenNode(root, asSchemaNode(member), depth + 1);
      if (flat === false) return false;
      if (flat === true) continue;
      merged = mergeNodes(merged, flat);
    }
    current = merged;
  }
  return current;
}

function mergeNodes(
  left: Record<string, unknown>,
  right: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...left, ...right };
  if (isRecord(left.properties) && isRecord(right.properties)) {
    merged.properties = { ...left.properties, ...right.properties };
  }
  if (Array.isArray(left.required) && Array.isArray(right.required)) {
    merged.required = [...new Set([...left.required, ...right.required])];
  }
  return merged;
}

/** The `type` keyword as a list (empty when absent). */
export function declaredTypes(node: Record<string, unknown>): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((type) => typeof type === 'string');
  return [];
}

export function tooDeep(): InputError {
  return new InputError(
    'JSON_SCHEMA_TOO_DEEP',
    `The schema nests more than ${MAX_SCHEMA_DEPTH} levels (a required recursive $ref?). Make the recursive property optional or give the recursive array minItems 0.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
