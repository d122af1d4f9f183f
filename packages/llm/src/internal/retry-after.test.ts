import { describe, expect, it } from 'vitest';
import { readRetryAfterMs } from './retry-after.js';

describe('readRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('prefers retry-after-ms, then retry-after seconds', () => {
    expect(
      readRetryAfterMs(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now),
    ).toBe(1500);
    expect(readRetryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(
      readRetryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now),
    ).toBe(3000);
  });

  it('returns undefined without a usable header', () => {
    expect(readRetryAfterMs(new Headers(), now)).toBeUndefined();
    expect(readRetryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(readRetryAfterMs(undefined, now)).toBeUndefined();
  });
});
