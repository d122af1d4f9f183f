import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSchema } from '@orch/core';
import { buildPdf } from '@orch/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExactOffsets, rejectionOf } from './internal/test-expectations.js';
import { loadFile } from './load-file.js';
import { SUPPORTED_EXTENSIONS } from './supported-extensions.js';

const NOW = () => new Date('2024-06-01T12:00:00.000Z');
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-acquisition-pdf-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadFile: PDF', () => {
  it('lists .pdf among the supported extensions', () => {
    expect(SUPPORTED_EXTENSIONS).toContain('.pdf');
  });

  it('reads the text of a local .pdf file into a document', async () => {
    const path = join(directory, 'Minutes.PDF');
    await writeFile(
      path,
      buildPdf({
        title: 'Council minutes',
        author: 'Town Clerk',
        createdAt: new Date('2024-04-04T18:00:00Z'),
        pages: [
          ['The council approved the second water intake.', '', 'The vote was seven to two.'],
        ],
      }),
    );
    const content = await loadFile(path, { now: NOW });
    expect(contentSchema.parse(content)).toEqual(content);
    expect(content.kind).toBe('document');
    expect(content.text).toBe(
      'The council approved the second water intake.\n\nThe vote was seven to two.',
    );
    expect(content.metadata).toMatchObject({
      source: { type: 'file', location: path },
      mediaType: 'application/pdf',
      title: 'Council minutes',
      author: 'Town Clerk',
      publishedAt: '2024-04-04T18:00:00.000Z',
      acquiredAt: '2024-06-01T12:00:00.000Z',
    });
    expectExactOffsets(content);
  });

  it('PDF_INVALID for a .pdf file that is not a PDF, PDF_NO_TEXT for one without text', async () => {
    const broken = join(directory, 'broken.pdf');
    await writeFile(broken, 'This is not a PDF at all.');
    const invalid = await rejectionOf(loadFile(broken));
    expect(invalid.code).toBe('PDF_INVALID');
    expect(invalid.message).toContain(broken);
    const scanned = join(directory, 'scanned.pdf');
    await writeFile(scanned, buildPdf({ pages: [[], []] }));
    const noText = await rejectionOf(loadFile(scanned));
    expect(noText.code).toBe('PDF_NO_TEXT');
    expect(noText.message).toContain('(2 pages)');
  });

  it('keeps the maxBytes limit for PDF files', async () => {
    const path = join(directory, 'big.pdf');
    await writeFile(path, buildPdf({ pages: [['Some text.']] }));
    const error = await rejectionOf(loadFile(path, { maxBytes: 100 }));
    expect(error.code).toBe('FILE_TOO_LARGE');
  });
});
