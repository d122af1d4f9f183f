import { ConfigError } from '@orch/core';
import type { FakeOpenAIOptions } from '../fake-openai.js';
import { FAULT_KINDS, type Fault } from '../fault.js';

const CODE = 'FAKE_OPENAI_INVALID_OPTIONS';

export function validateOptions(options: FakeOpenAIOptions): void {
  validateHandlers(options.handlers);
  if (options.faults !== undefined) validateFaults(options.faults);
  const { latencyMs } = options;
  if (
    latencyMs !== undefined &&
    typeof latencyMs !== 'function' &&
    !(typeof latencyMs === 'number' && Number.isFinite(latencyMs) && latencyMs >= 0)
  ) {
    throw new ConfigError(
      CODE,
      `latencyMs must be a finite number >= 0 or a function of the request, got ${String(latencyMs)}. Pass e.g. latencyMs: 50.`,
    );
  }
  if (options.transcription !== undefined && typeof options.transcription !== 'function') {
    throw new ConfigError(
      CODE,
      'transcription must be a function ({ fields, fileBytes }) => ({ text, ... }). Pass a function or leave it out for the default transcript.',
    );
  }
  if (options.host !== undefined && (typeof options.host !== 'string' || options.host === '')) {
    throw new ConfigError(
      CODE,
      'host must be a non-empty string such as "127.0.0.1". Leave it out to listen on 127.0.0.1.',
    );
  }
}

export function validateHandlers(handlers: FakeOpenAIOptions['handlers']): void {
  if (handlers === undefined) return;
  if (typeof handlers !== 'object' || handlers === null || Array.isArray(handlers)) {
    throw new ConfigError(
      CODE,
      "handlers must be an object keyed by json_schema name (or '*'), e.g. { summary: { summary: 'text' } }.",
    );
  }
  for (const [name, handler] of Object.entries(handlers)) {
    const valid =
      typeof handler === 'function' ||
      typeof handler === 'string' ||
      (typeof handler === 'object' && handler !== null);
    if (!valid) {
      throw new ConfigError(
        CODE,
        `The handler for "${name}" is ${String(handler)}; give a function, a string, an object or an array.`,
      );
    }
  }
}

export function validateFaults(faults: readonly Fault[]): void {
  if (!Array.isArray(faults)) {
    throw new ConfigError(CODE, 'faults must be an array of { kind, match?, times? } objects.');
  }
  for (const [index, fault] of faults.entries()) {
    if (!(FAULT_KINDS as readonly string[]).includes(fault?.kind)) {
      throw new ConfigError(
        CODE,
        `faults[${index}].kind is "${String(fault?.kind)}"; use one of ${FAULT_KINDS.join(', ')}.`,
      );
    }
    const { times, retryAfterSeconds, match } = fault;
    if (
      times !== undefined &&
      !(times === Number.POSITIVE_INFINITY || (Number.isInteger(times) && times >= 0))
    ) {
      throw new ConfigError(
        CODE,
        `faults[${index}].times is ${String(times)}; use a whole number >= 0 or leave it out for every matching request.`,
      );
    }
    if (
      retryAfterSeconds !== undefined &&
      !(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
    ) {
      throw new ConfigError(
        CODE,
        `faults[${index}].retryAfterSeconds is ${String(retryAfterSeconds)}; use a number of seconds >= 0.`,
      );
    }
    if (match !== undefined && typeof match !== 'string' && typeof match !== 'function') {
      throw new ConfigError(
        CODE,
        `faults[${index}].match must be a json_schema name or a predicate (request) => boolean.`,
      );
    }
  }
}
