import { ConfigError } from '@orch/core';

/** Options of `buildPdf`. */
export interface BuildPdfOptions {
  /** The pages; each page is its lines of text, drawn top to bottom. At least one page. */
  pages: readonly (readonly string[])[];
  /** The document title (the `/Title` of the document information dictionary). */
  title?: string;
  /** The document author (`/Author`). */
  author?: string;
  /** The creation date (`/CreationDate`), written as a PDF date in UTC. */
  createdAt?: Date;
  /** The font size in points; default 12. Lines are drawn 1.4 font sizes apart. */
  fontSize?: number;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

/**
 * Escapes text for a PDF literal string. Characters outside Latin-1 become `?`, since the
 * standard Helvetica font with WinAnsiEncoding draws only those.
 */
function pdfString(text: string): string {
  let result = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    if (character === '\\' || character === '(' || character === ')') result += `\\${character}`;
    else if (code < 0x20 || code > 0xff) result += '?';
    else result += character;
  }
  return `(${result})`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function pageStream(lines: readonly string[], fontSize: number): string {
  const leading = Math.round(fontSize * 1.4 * 100) / 100;
  const commands = [
    'BT',
    `/F1 ${fontSize} Tf`,
    `${leading} TL`,
    `${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`,
  ];
  for (const line of lines) commands.push(`${pdfString(line)} Tj`, 'T*');
  commands.push('ET');
  return commands.join('\n');
}

/**
 * Builds a small, valid PDF 1.4 file with real, extractable text: one uncompressed content stream
 * per page drawing the lines in the standard Helvetica font, a document information dictionary
 * (title, author, creation date) and a correct cross-reference table. Made for tests of PDF
 * acquisition, so no binary fixture has to be committed.
 *
 * @throws ConfigError `BUILD_PDF_INVALID_OPTIONS` when there is no page or the font size is not
 *   a positive number.
 */
export function buildPdf(options: BuildPdfOptions): Uint8Array {
  const fontSize = options.fontSize ?? 12;
  if (options.pages.length === 0) {
    throw new ConfigError(
      'BUILD_PDF_INVALID_OPTIONS',
      'buildPdf needs at least one page; pass pages: [["first line", ...]].',
    );
  }
  if (!Number.isFinite(fontSize) || fontSize <= 0) {
    throw new ConfigError(
      'BUILD_PDF_INVALID_OPTIONS',
      `buildPdf fontSize must be a positive number of points, got ${String(options.fontSize)}.`,
    );
  }

  // Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
  const pageCount = options.pages.length;
  const pageObject = (index: number): number => 5 + index * 2;
  const bodies = new Map<number, string>();
  bodies.set(1, '<< /Type /Catalog /Pages 2 0 R >>');
  const kids = options.pages.map((_, index) => `${pageObject(index)} 0 R`).join(' ');
  bodies.set(2, `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  bodies.set(
    3,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const info = ['/Producer (orch testkit buildPdf)'];
  if (options.title !== undefined) info.push(`/Title ${pdfString(options.title)}`);
  if (options.author !== undefined) info.push(`/Author ${pdfString(options.author)}`);
  if (options.createdAt !== undefined) {
    info.push(`/CreationDate (${pdfDate(options.createdAt)})`);
  }
  bodies.set(4, `<< ${info.join(' ')} >>`);
  options.pages.forEach((lines, index) => {
    const page = pageObject(index);
    bodies.set(
      page,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`,
    );
    const stream = pageStream(lines, fontSize);
    bodies.set(
      page + 1,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  });

  const objectCount = 4 + pageCount * 2;
  let file = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let number = 1; number <= objectCount; number += 1) {
    offsets.push(Buffer.byteLength(file, 'latin1'));
    file += `${number} 0 obj\n${bodies.get(number) ?? 'null'}\nendobj\n`;
  }
  const xrefOffset = Buffer.byteLength(file, 'latin1');
  file += `xref\n0 ${objectCount + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objectCount + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(file, 'latin1'));
}
