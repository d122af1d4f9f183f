import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  InputError,
  isOrchError,
  OrchError,
  RunFailedError,
  rootOrchError,
  stepErrorSchema,
  toOrchError,
} from './errors.js';

describe('the OrchError family', () => {
  it('serialises to a StepError with a stable code and no stack', () => {
    const error = new InputError('FILE_NOT_FOUND', 'No file at a.txt. Check the path.');
    const json = error.toJSON();
    expect(stepErrorSchema.parse(json)).toEqual({
      code: 'FILE_NOT_FOUND',
      category: 'input',
      message: 'No file at a.txt. Check the path.',
      retryable: false,
    });
    expect(error.name).toBe('InputError');
    expect(isOrchError(error)).toBe(true);
  });

  it('finds the innermost OrchError of a cause chain: what the user must fix', () => {
    const input = new InputError('EMPTY_FILE', 'a.txt is empty.');
    const failed = new RunFailedError('The run failed at stage "acquire": a.txt is empty.', {
      cause: input,
      stage: 'acquire',
    });
    expect(rootOrchError(failed)).toBe(input);
    expect(failed.stage).toBe('acquire');
  });

  it('wraps foreign errors, keeping them as the cause; aborts become cancellations', () => {
    const foreign = new TypeError('boom');
    const wrapped = toOrchError(foreign);
    expect(wrapped).toBeInstanceOf(OrchError);
    expect(wrapped).toMatchObject({ code: 'INTERNAL_ERROR', category: 'internal' });
    expect(wrapped.cause).toBe(foreign);
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    expect(toOrchError(abort)).toBeInstanceOf(CancelledError);
    expect(toOrchError('a string')).toMatchObject({ message: 'Unexpected error: a string' });
  });

  it('rejects codes that are not UPPER_SNAKE in serialised errors', () => {
    expect(
      stepErrorSchema.safeParse({
        code: 'fileNotFound',
        category: 'input',
        message: 'x',
        retryable: false,
      }).success,
    ).toBe(false);
  });
});
