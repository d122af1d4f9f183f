import { z } from 'zod';

/** What kind of failure an error is; decides retries, exit codes and who must act. */
export const ERROR_CATEGORIES = [
  'input',
  'config',
  'plan',
  'stage',
  'validation',
  'provider',
  'budget',
  'timeout',
  'cancelled',
  'storage',
  'internal',
] as const;

export const errorCategorySchema = z.enum(ERROR_CATEGORIES);

export type ErrorCategory = z.infer<typeof errorCategorySchema>;

/** The serialisable form of an error, as stored in StepResult and reports. */
export const stepErrorSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  category: errorCategorySchema,
  message: z.string().min(1),
  retryable: z.boolean(),
  stage: z.string().optional(),
});

export type StepError = z.infer<typeof stepErrorSchema>;

export interface OrchErrorOptions {
  category: ErrorCategory;
  retryable?: boolean;
  cause?: unknown;
  /** Structured facts about the failure (a path, a limit); never secrets. */
  details?: Record<string, unknown>;
}

/**
 * The base of every error orch throws. `code` is stable UPPER_SNAKE and safe to match on;
 * `message` says what happened and what to do.
 */
export class OrchError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, options: OrchErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.category = options.category;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  toJSON(): StepError {
    return {
      code: this.code,
      category: this.category,
      message: this.message,
      retryable: this.retryable,
    };
  }
}

type SubclassOptions = Omit<OrchErrorOptions, 'category'>;

/** Bad user input: a missing file, an unknown depth, a URL that is not allowed. */
export class InputError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'input' });
  }
}

/** Misconfiguration: a missing stage implementation, an invalid option. */
export class ConfigError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'config' });
  }
}

/** An invalid stage catalog: a cycle, an unknown or missing dependency. */
export class PlanError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'plan' });
  }
}

/** Data that failed its schema: a stage output, a report. */
export class ValidationError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'validation' });
  }
}

/** A stage that could not produce its output. */
export class StageError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'stage' });
  }
}

/** A store could not be read or written: a corrupt file, a lost lease, a missing record. */
export class StorageError extends OrchError {
  constructor(code: string, message: string, options: SubclassOptions = {}) {
    super(code, message, { ...options, category: 'storage' });
  }
}

/** Work stopped because its AbortSignal fired. */
export class CancelledError extends OrchError {
  constructor(message = 'The run was cancelled.', options: SubclassOptions = {}) {
    super('RUN_CANCELLED', message, { ...options, category: 'cancelled' });
  }
}

/** A run that ended failed; `cause` is the error of the required stage that failed. */
export class RunFailedError extends OrchError {
  readonly stage: string | undefined;

  constructor(message: string, options: SubclassOptions & { stage?: string } = {}) {
    super('RUN_FAILED', message, { ...options, category: 'stage' });
    this.stage = options.stage;
  }
}

export function isOrchError(value: unknown): value is OrchError {
  return value instanceof OrchError;
}

/** Wraps anything thrown into an OrchError, keeping the original as `cause`. */
export function toOrchError(value: unknown): OrchError {
  if (value instanceof OrchError) return value;
  if (value instanceof Error && value.name === 'AbortError') {
    return new CancelledError(undefined, { cause: value });
  }
  const message = value instanceof Error ? value.message : String(value);
  return new OrchError('INTERNAL_ERROR', `Unexpected error: ${message}`, {
    category: 'internal',
    cause: value,
  });
}

/** The innermost OrchError in a cause chain (the one that says what the user must fix). */
export function rootOrchError(error: OrchError): OrchError {
  let current: OrchError = error;
  while (current.cause instanceof OrchError) current = current.cause;
  return current;
}
