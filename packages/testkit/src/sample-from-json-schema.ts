import { InputError } from '@orch/core';
import {
  asSchemaNode,
  declaredTypes,
  flattenNode,
  isRecord,
  MAX_SCHEMA_DEPTH,
  type SchemaNode,
  tooDeep,
} from './internal/json-schema.js';

const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliett',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
  'uniform',
  'victor',
  'whiskey',
  'xray',
  'yankee',
  'zulu',
] as const;

/**
 * A minimal valid instance of a JSON Schema (draft 2020-12 or draft 7, as produced by
 * `z.toJSONSchema`): the default reply of the fake OpenAI server. Deterministic.
 *
 * - objects: every required property (plus optional ones up to `minProperties`);
 * - strings: neutral words ("alpha", "bravo"...) repeated up to `minLength`, cut at `maxLength`;
 *   well-formed values for `format` (date-time, date, time, email, uri, uuid, ipv4...);
 *   a `pattern` is honoured when one of a few simple candidates matches it;
 * - numbers: 0 moved inside `minimum`/`maximum`/exclusive bounds, then up to `multipleOf`;
 * - arrays: `minItems` items (after `prefixItems`), the n-th item sampled with the n-th word,
 *   enum value or number so that items differ;
 * - `const`, first `enum` value, first `anyOf`/`oneOf` member, `allOf` merged;
 * - `nullable: true` or a `type` list containing "null" gives null;
 * - local `$ref` (`#/$defs/...`, `#/definitions/...`) is followed.
 *
 * @throws InputError `JSON_SCHEMA_INVALID`, `JSON_SCHEMA_UNRESOLVED_REF`,
 *   `JSON_SCHEMA_UNSATISFIABLE` (a `false` schema), `JSON_SCHEMA_TOO_DEEP`.
 */
export function sampleFromJsonSchema(schema: unknown): unknown {
  const root = asSchemaNode(schema);
  return sampleNode(root, root, 0, 0);
}

function sampleNode(root: SchemaNode, raw: SchemaNode, variant: number, depth: number): unknown {
  if (depth > MAX_SCHEMA_DEPTH) throw tooDeep();
  const node = flattenNode(root, raw);
  if (node === false) {
    throw new InputError(
      'JSON_SCHEMA_UNSATISFIABLE',
      'The schema (or one of its required parts) is `false`, which no value satisfies. Remove the `false` schema or make that property optional.',
    );
  }
  if (node === true) return word(variant);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) {
    return node.enum[variant % node.enum.length];
  }
  const alternatives = Array.isArray(node.anyOf) ? node.anyOf : node.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
    const first = flattenNode(root, asSchemaNode(alternatives[0]));
    const combined = first === true ? rest : first === false ? false : { ...rest, ...first };
    return sampleNode(root, combined, variant, depth + 1);
  }
  const types = declaredTypes(node);
  if (node.nullable === true || types.includes('null')) return null;
  switch (types[0] ?? inferType(node)) {
    case 'object':
      return sampleObject(root, node, variant, depth);
    case 'array':
      return sampleArray(root, node, variant, depth);
    case 'string':
      return sampleString(node, variant);
    case 'integer':
      return sampleNumber(node, variant, true);
    case 'number':
      return sampleNumber(node, variant, false);
    case 'boolean':
      return variant % 2 === 1;
    default:
      return word(variant);
  }
}

function inferType(node: Record<string, unknown>): string | undefined {
  if ('properties' in node || 'required' in node || 'additionalProperties' in node) {
    return 'object';
  }
  if ('items' in node || 'prefixItems' in node || 'minItems' in node) return 'array';
  if ('minLength' in node || 'maxLength' in node || 'pattern' in node || 'format' in node) {
    return 'string';
  }
  if ('minimum' in node || 'maximum' in node || 'multipleOf' in node) return 'number';
  return undefined;
}

function sampleObject(
  root: SchemaNode,
  node: Record<string, unknown>,
  variant: number,
  depth: number,
): Record<string, unknown> {
  const properties = isRecord(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required)
    ? node.required.filter((key): key is string => typeof key === 'string')
    : [];
  const keys = [...required];
  const minProperties = typeof node.minProperties === 'number' ? node.minProperties : 0;
  for (const key of Object.keys(properties)) {
    if (keys.length >= minProperties) break;
    if (!keys.includes(key)) keys.push(key);
  }
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const propertySchema =
      key in properties
        ? asSchemaNode(properties[key])
        : node.additionalProperties === undefined
          ? true
          : asSchemaNode(node.additionalProperties);
    result[key] = sampleNode(root, propertySchema, variant, depth + 1);
  }
  return result;
}

function sampleArray(
  root: SchemaNode,
  node: Record<string, unknown>,
  variant: number,
  depth: number,
): unknown[] {
  const prefix = Array.isArray(node.prefixItems)
    ? node.prefixItems
    : Array.isArray(node.items)
      ? node.items
      : [];
  const itemSchema: SchemaNode | undefined =
    node.items !== undefined && !Array.isArray(node.items)
      ? asSchemaNode(node.items)
      : node.additionalItems !== undefined
        ? asSchemaNode(node.additionalItems)
        : undefined;
  const minItems = typeof node.minItems === 'number' ? node.minItems : 0;
  const result: unknown[] = [];
  for (const [index, member] of prefix.entries()) {
    result.push(sampleNode(root, asSchemaNode(member), variant + index, depth + 1));
  }
  while (result.length < minItems) {
    result.push(sampleNode(root, itemSchema ?? true, variant + result.length, depth + 1));
  }
  return result;
}

function sampleString(node: Record<string, unknown>, variant: number): string {
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  const maxLength = typeof node.maxLength === 'number' ? node.maxLength : Number.POSITIVE_INFINITY;
  const formatted =
    typeof node.format === 'string' ? formatSample(node.format, variant) : undefined;
  const base = formatted ?? word(variant);
  const fit = (value: string): string => {
    let result = value;
    while (result.length < minLength) result += formatted === undefined ? ` ${base}` : 'a';
    return result.length > maxLength ? result.slice(0, maxLength) : result;
  };
  const primary = fit(base);
  const pattern = typeof node.pattern === 'string' ? compilePattern(node.pattern) : undefined;
  if (pattern === undefined || pattern.test(primary)) return primary;
  const candidates = [base, word(variant), 'a', 'A', '0', '1', 'a1', 'A1', 'alpha-1', 'alpha_1'];
  for (const candidate of candidates) {
    for (const value of [candidate, fit(candidate), candidate.repeat(Math.max(1, minLength))]) {
      if (value.length >= minLength && value.length <= maxLength && pattern.test(value)) {
        return value;
      }
    }
  }
  return primary;
}

function compilePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u');
  } catch {
    try {
      return new RegExp(source);
    } catch {
      return undefined;
    }
  }
}

function formatSample(format: string, variant: number): string | undefined {
  const day = String(1 + (variant % 28)).padStart(2, '0');
  switch (format) {
    case 'date-time':
      return `2024-01-${day}T00:00:00Z`;
    case 'date':
      return `2024-01-${day}`;
    case 'time':
      return '00:00:00';
    case 'duration':
      return `P${1 + variant}D`;
    case 'email':
    case 'idn-email':
      return `${word(variant).replace(' ', '')}@example.com`;
    case 'hostname':
    case 'idn-hostname':
      return `${word(variant).replace(' ', '')}.example.com`;
    case 'ipv4':
      return `192.0.2.${1 + (variant % 254)}`;
    case 'ipv6':
      return `2001:db8::${(1 + variant).toString(16)}`;
    case 'uri':
    case 'url':
    case 'iri':
      return `https://example.com/${word(variant).replace(' ', '-')}`;
    case 'uri-reference':
    case 'iri-reference':
      return `/${word(variant).replace(' ', '-')}`;
    case 'uuid':
    case 'guid':
      return `00000000-0000-4000-8000-${variant.toString(16).padStart(12, '0')}`;
    case 'json-pointer':
      return `/${word(variant).replace(' ', '-')}`;
    case 'regex':
      return `^${word(variant).replace(' ', '')}$`;
    case 'byte':
    case 'base64':
      return Buffer.from(word(variant)).toString('base64');
    default:
      return undefined;
  }
}

function sampleNumber(node: Record<string, unknown>, variant: number, integer: boolean): number {
  const minimum = typeof node.minimum === 'number' ? node.minimum : undefined;
  const maximum = typeof node.maximum === 'number' ? node.maximum : undefined;
  // Draft 2020-12 gives an exclusive bound as a number, draft 4 as a flag next to the bound.
  const exclusiveMinimum =
    typeof node.exclusiveMinimum === 'number'
      ? node.exclusiveMinimum
      : node.exclusiveMinimum === true
        ? minimum
        : undefined;
  const exclusiveMaximum =
    typeof node.exclusiveMaximum === 'number'
      ? node.exclusiveMaximum
      : node.exclusiveMaximum === true
        ? maximum
        : undefined;
  const multipleOf =
    typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
  const satisfies = (value: number): boolean =>
    Number.isFinite(value) &&
    (minimum === undefined || value >= minimum) &&
    (maximum === undefined || value <= maximum) &&
    (exclusiveMinimum === undefined || value > exclusiveMinimum) &&
    (exclusiveMaximum === undefined || value < exclusiveMaximum) &&
    (!integer || Number.isInteger(value)) &&
    (multipleOf === undefined ||
      Math.abs(value / multipleOf - Math.round(value / multipleOf)) < 1e-9);
  const step = integer ? 1 : 0.5;
  const lower =
    exclusiveMinimum === undefined
      ? minimum === undefined
        ? undefined
        : integer
          ? Math.ceil(minimum)
          : minimum
      : integer
        ? Math.floor(exclusiveMinimum) + 1
        : exclusiveMinimum + step;
  const upper =
    exclusiveMaximum === undefined
      ? maximum === undefined
        ? undefined
        : integer
          ? Math.floor(maximum)
          : maximum
      : integer
        ? Math.ceil(exclusiveMaximum) - 1
        : exclusiveMaximum - step;
  const candidates = [variant];
  if (lower !== undefined) candidates.push(lower, lower + variant);
  if (upper !== undefined) candidates.push(upper);
  const low = exclusiveMinimum ?? minimum;
  const high = exclusiveMaximum ?? maximum;
  if (low !== undefined && high !== undefined) candidates.push((low + high) / 2);
  if (multipleOf !== undefined) {
    for (const base of [variant, lower ?? 0, upper ?? 0]) {
      const multiple = Math.ceil(base / multipleOf) * multipleOf;
      candidates.push(multiple, multiple + multipleOf, multiple - multipleOf);
    }
  }
  return candidates.find(satisfies) ?? candidates[1] ?? variant;
}

function word(variant: number): string {
  const base = WORDS[variant % WORDS.length] ?? 'alpha';
  const round = Math.floor(variant / WORDS.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
