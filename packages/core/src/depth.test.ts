import { describe, expect, it } from 'vitest';
import { DEPTHS, isDepth, parseDepth } from './depth.js';
import { InputError } from './errors.js';

describe('parseDepth', () => {
  it('accepts every depth, ignoring case and surrounding space', () => {
    for (const depth of DEPTHS) expect(parseDepth(` ${depth.toUpperCase()} `)).toBe(depth);
  });

  it('refuses an unknown depth with UNKNOWN_DEPTH and the list of valid ones', () => {
    const error = (() => {
      try {
        parseDepth('bottomless');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'UNKNOWN_DEPTH', category: 'input', retryable: false });
    expect((error as Error).message).toBe(
      'Unknown depth "bottomless". Use one of: quick, standard, deep, comprehensive, experimental.',
    );
    expect(isDepth('bottomless')).toBe(false);
  });
});
