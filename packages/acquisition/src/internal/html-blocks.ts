import { collapseWhitespace } from './text-normalization.js';

/** The part of a DOM node this module reads; linkedom nodes satisfy it. */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly textContent: string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a paragraph. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose content is never prose. */
const IGNORED_ELEMENTS = new Set([
  'AUDIO',
  'BUTTON',
  'CANVAS',
  'EMBED',
  'HEAD',
  'IFRAME',
  'IMG',
  'INPUT',
  'MAP',
  'NOSCRIPT',
  'OBJECT',
  'PICTURE',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'TITLE',
  'VIDEO',
]);

/** Page furniture left out when falling back to the whole body. */
export const PAGE_FURNITURE_ELEMENTS: ReadonlySet<string> = new Set([
  'ASIDE',
  'FOOTER',
  'FORM',
  'HEADER',
  'NAV',
]);

/**
 * The paragraphs of a DOM subtree: block elements and `<br>` separate paragraphs, inline markup
 * is flattened to its text, whitespace collapsed; scripts, styles, media and form controls are
 * ignored, as is every element named in `skip` (upper-case tag names).
 */
export function htmlParagraphs(
  root: HtmlNode,
  skip: ReadonlySet<string> = new Set<string>(),
): string[] {
  const paragraphs: string[] = [];
  let buffer = '';
  const flush = (): void => {
    const paragraph = collapseWhitespace(buffer);
    if (paragraph.length > 0) paragraphs.push(paragraph);
    buffer = '';
  };
  const visit = (node: HtmlNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (IGNORED_ELEMENTS.has(name) || skip.has(name)) return;
    const block = BLOCK_ELEMENTS.has(name);
    if (block) flush();
    for (let index = 0; index < node.childNodes.length; index += 1) {
      const child = node.childNodes[index];
      if (child !== undefined) visit(child);
    }
    if (block) flush();
  };
  visit(root);
  flush();
  return paragraphs;
}
