import { buildPdf } from '@orch/testkit';
import { describe, expect, it } from 'vitest';
import { pdfDateToIso } from './internal/read-pdf.js';
import { rejectionOf } from './internal/test-expectations.js';
import { pdfToDocument } from './pdf-to-document.js';

describe('pdfToDocument', () => {
  it('extracts paragraphs page by page with the document information', async () => {
    const document = await pdfToDocument(
      buildPdf({
        title: 'Budget 2025',
        author: 'Finance Office',
        createdAt: new Date('2025-01-15T08:30:00Z'),
        pages: [
          ['Budget 2025', '', 'Spending rises by three percent,', 'mostly for schools.'],
          ['Taxes stay the same.'],
        ],
      }),
    );
    expect(document.paragraphs).toEqual([
      'Budget 2025',
      'Spending rises by three percent, mostly for schools.',
      'Taxes stay the same.',
    ]);
    expect(document.text).toBe(document.paragraphs.join('\n\n'));
    expect(document).toMatchObject({
      pageCount: 2,
      title: 'Budget 2025',
      author: 'Finance Office',
      publishedAt: '2025-01-15T08:30:00.000Z',
    });
  });

  it('joins a word hyphenated at the end of a line', async () => {
    const document = await pdfToDocument(
      buildPdf({ pages: [['The infra-', 'structure budget grows.']] }),
    );
    expect(document.paragraphs).toEqual(['The infrastructure budget grows.']);
  });

  it('gives no paragraphs for a PDF without text', async () => {
    const document = await pdfToDocument(buildPdf({ pages: [[]] }));
    expect(document.paragraphs).toEqual([]);
    expect(document.pageCount).toBe(1);
  });

  it('PDF_INVALID for bytes that are not a PDF', async () => {
    const error = await rejectionOf(pdfToDocument(new TextEncoder().encode('just some text')));
    expect(error.code).toBe('PDF_INVALID');
    expect(error.message).toContain('is not a readable PDF');
  });
});

describe('pdfDateToIso', () => {
  it.each([
    ["D:20240305093000+01'00'", '2024-03-05T08:30:00.000Z'],
    ["D:20240305093000-05'30'", '2024-03-05T15:00:00.000Z'],
    ['D:20240305093000Z', '2024-03-05T09:30:00.000Z'],
    ['D:2024', '2024-01-01T00:00:00.000Z'],
    ['20240305', '2024-03-05T00:00:00.000Z'],
  ])('reads %s', (value, iso) => {
    expect(pdfDateToIso(value)).toBe(iso);
  });

  it('gives undefined for values that are not PDF dates', () => {
    expect(pdfDateToIso('yesterday')).toBeUndefined();
    expect(pdfDateToIso(undefined)).toBeUndefined();
  });
});
