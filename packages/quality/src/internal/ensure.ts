import { type Content, InputError } from '@orch/core';

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Throws QUALITY_TEXT_NOT_STRING unless `value` is a string (empty strings are fine). */
export function ensureString(value: unknown, name: string, functionName: string): string {
  if (typeof value !== 'string') {
    throw new InputError(
      'QUALITY_TEXT_NOT_STRING',
      `${functionName} expects ${name} as a string but received ${describeType(value)}. Pass the text itself (for example fallacy.quote or content.text).`,
      { details: { functionName, argument: name, receivedType: describeType(value) } },
    );
  }
  return value;
}

/** Throws QUALITY_CONTENT_INVALID unless `value` has a string `text` and a `segments` array. */
export function ensureContent(value: unknown, functionName: string): Content {
  const candidate = value as Partial<Content> | null | undefined;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.text !== 'string' ||
    !Array.isArray(candidate.segments)
  ) {
    throw new InputError(
      'QUALITY_CONTENT_INVALID',
      `${functionName} expects a Content object with a string \`text\` and a \`segments\` array but received ${describeType(value)}. Pass the content the stage analysed (requireContent(outputs) from @orch/core).`,
      { details: { functionName } },
    );
  }
  return candidate as Content;
}

/** Throws QUALITY_OPTION_INVALID unless the option is absent or a number from 0 to 1. */
export function unitOption(
  value: unknown,
  name: string,
  functionName: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(
      'QUALITY_OPTION_INVALID',
      `${functionName}: option ${name} must be a number from 0 to 1 but is ${String(value)}. Pass a share such as ${fallback}, or leave it out for the default.`,
      { details: { functionName, option: name } },
    );
  }
  return value;
}
