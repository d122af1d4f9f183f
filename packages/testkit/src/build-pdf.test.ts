import { describe, expect, it } from 'vitest';
import { buildPdf } from './build-pdf.js';

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

describe('buildPdf', () => {
  it('writes a PDF whose cross-reference table points at each object', () => {
    const file = latin1(buildPdf({ pages: [['One'], ['Two']] }));
    expect(file.startsWith('%PDF-1.4\n')).toBe(true);
    expect(file.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(file)?.[1]);
    expect(file.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...file.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) =>
      Number(match[1]),
    );
    // Catalog, pages, font, info and a page + content stream per page.
    expect(entries).toHaveLength(8);
    entries.forEach((offset, index) => {
      expect(file.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true);
    });
    expect(file).toContain('/Count 2');
  });

  it('draws each line in Helvetica with escaped strings and a correct stream length', () => {
    const file = latin1(buildPdf({ pages: [['Cost (estimated): 2\\3', 'Zürich → Bern']] }));
    expect(file).toContain('/BaseFont /Helvetica');
    expect(file).toContain('(Cost \\(estimated\\): 2\\\\3) Tj');
    expect(file).toContain('(Zürich ? Bern) Tj');
    const match = /<< \/Length (\d+) >>\nstream\n/.exec(file);
    expect(match).not.toBeNull();
    const start = (match?.index ?? 0) + (match?.[0].length ?? 0);
    expect(file.slice(start + Number(match?.[1]))).toMatch(/^\nendstream/);
  });

  it('writes title, author and creation date into the information dictionary', () => {
    const file = latin1(
      buildPdf({
        pages: [['x']],
        title: 'Water Report',
        author: 'Dana Reyes',
        createdAt: new Date('2024-03-05T09:00:00Z'),
      }),
    );
    expect(file).toContain('/Title (Water Report)');
    expect(file).toContain('/Author (Dana Reyes)');
    expect(file).toContain('/CreationDate (D:20240305090000Z)');
    expect(file).toContain('/Info 4 0 R');
  });

  it('refuses a PDF without pages', () => {
    expect(() => buildPdf({ pages: [] })).toThrow(
      expect.objectContaining({ code: 'BUILD_PDF_INVALID_OPTIONS' }),
    );
  });
});
