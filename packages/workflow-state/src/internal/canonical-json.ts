import { InputError } from '@orch/core';

/**
 * JSON with object keys sorted at every level, so equal values always serialise to the same
 * text. Follows JSON.stringify otherwise (toJSON, undefined members dropped, non-finite
 * numbers as null); throws `UNHASHABLE_VALUE` for bigint and circular values.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, new Set()) ?? 'null';
}

function serialise(value: unknown, path: Set<object>): string | undefined {
  let current = value;
  if (
    current !== null &&
    typeof current === 'object' &&
    typeof (current as { toJSON?: unknown }).toJSON === 'function'
  ) {
    current = (current as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof current) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw unhashable('it contains a bigint');
    case 'number':
    case 'boolean':
    case 'string':
      return JSON.stringify(current);
  }
  if (current === null) return 'null';
  const object = current as object;
  if (path.has(object)) throw unhashable('it contains a circular reference');
  path.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item) => serialise(item, path) ?? 'null').join(',')}]`;
    }
    const members: string[] = [];
    for (const key of Object.keys(object).sort()) {
      const text = serialise((object as Record<string, unknown>)[key], path);
      if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    path.delete(object);
  }
}

function unhashable(why: string): InputError {
  return new InputError(
    'UNHASHABLE_VALUE',
    `The value cannot be hashed because ${why}. Pass plain JSON data (objects, arrays, strings, numbers, booleans, null).`,
  );
}
