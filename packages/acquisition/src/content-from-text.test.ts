import { createHash } from 'node:crypto';
import { contentSchema } from '@orch/core';
import { describe, expect, it } from 'vitest';
import { contentFromText } from './content-from-text.js';
import { errorOf, expectExactOffsets } from './internal/test-expectations.js';

const NOW = () => new Date('2024-06-01T12:00:00.000Z');

describe('contentFromText', () => {
  it('builds a document with paragraph segments, a headline title and metadata', () => {
    const text =
      'Council approves budget\n\nThe council approved\nthe budget on Tuesday.\n\nIt passed 7-2.';
    const content = contentFromText(text, { now: NOW });
    expect(contentSchema.parse(content)).toEqual(content);
    expect(content.kind).toBe('document');
    expect(content.text).toBe(
      'Council approves budget\n\nThe council approved the budget on Tuesday.\n\nIt passed 7-2.',
    );
    expectExactOffsets(content);
    expect(content.segments.map((segment) => segment.text)).toEqual([
      'Council approves budget',
      'The council approved the budget on Tuesday.',
      'It passed 7-2.',
    ]);
    expect(content.metadata).toEqual({
      source: { type: 'text', location: 'inline text' },
      mediaType: 'text/plain',
      byteLength: Buffer.byteLength(text),
      wordCount: 13,
      title: 'Council approves budget',
      acquiredAt: '2024-06-01T12:00:00.000Z',
    });
  });

  it('uses the given title and location, and the same id for the same text', () => {
    const first = contentFromText('One sentence only.', { title: 'Memo', location: 'stdin' });
    const second = contentFromText('One sentence only.', { title: 'Other' });
    expect(first.metadata.title).toBe('Memo');
    expect(first.metadata.source).toEqual({ type: 'text', location: 'stdin' });
    expect(first.id).toBe(second.id);
    expect(first.id).toBe(createHash('sha256').update('One sentence only.').digest('hex'));
  });

  it('refuses empty text with EMPTY_TEXT', () => {
    const error = errorOf(() => contentFromText(' \n\t '));
    expect(error.code).toBe('EMPTY_TEXT');
    expect(error.category).toBe('input');
  });
});
