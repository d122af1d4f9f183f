import { type Content, OrchError } from '@orch/core';
import { expect } from 'vitest';

/**
 * Test helper: every segment's offsets point at its own text in `content.text`, segments are in
 * order, do not overlap and are indexed 0..n-1.
 */
export function expectExactOffsets(content: Content): void {
  expect(content.segments.length).toBeGreaterThan(0);
  let previousEnd = 0;
  for (const [position, segment] of content.segments.entries()) {
    expect(segment.index).toBe(position);
    expect(content.text.slice(segment.start, segment.end)).toBe(segment.text);
    expect(segment.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = segment.end;
  }
}

/** Test helper: the OrchError a synchronous action throws (fails the test when none is thrown). */
export function errorOf(action: () => unknown): OrchError {
  try {
    action();
  } catch (error) {
    if (error instanceof OrchError) return error;
    throw error;
  }
  throw new Error('expected the action to throw an OrchError, but it returned');
}

/** Test helper: the OrchError a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<OrchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OrchError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with an OrchError, but it resolved');
}
