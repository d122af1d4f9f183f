import { InputError } from '@orch/core';

/** Throws HEURISTICS_TEXT_NOT_STRING unless `text` is a string (empty strings are fine). */
export function ensureText(text: unknown, functionName: string): string {
  if (typeof text !== 'string') {
    throw new InputError(
      'HEURISTICS_TEXT_NOT_STRING',
      `${functionName} expects the text to analyse as a string but received ${text === null ? 'null' : typeof text}. Pass the content text (for example content.text), or '' for nothing.`,
      { details: { functionName, receivedType: text === null ? 'null' : typeof text } },
    );
  }
  return text;
}

/**
 * Throws HEURISTICS_INVALID_OPTION unless the option is absent or a whole number >= 0, and
 * returns it or the default.
 */
export function countOption(
  value: number | undefined,
  name: string,
  functionName: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(
      'HEURISTICS_INVALID_OPTION',
      `${functionName}: option ${name} must be a whole number of 0 or more but is ${String(value)}. Pass a count such as ${fallback}, or leave it out for the default.`,
      { details: { functionName, option: name, value } },
    );
  }
  return value;
}
