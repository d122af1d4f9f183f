import { parseHTML } from 'linkedom';
import { Lexer, type Token } from 'marked';
import { PARAGRAPH_SEPARATOR } from './internal/build-content.js';
import { bylineAuthor } from './internal/byline.js';
import { splitFrontMatter } from './internal/front-matter.js';
import { type HtmlNode, htmlParagraphs } from './internal/html-blocks.js';
import { decodeHtmlEntities } from './internal/html-entities.js';
import {
  collapseWhitespace,
  nonEmpty,
  normalizeLineEndings,
  stripByteOrderMark,
} from './internal/text-normalization.js';

/** The plain text of a Markdown document and what it says about itself. */
export interface MarkdownDocument {
  /** The paragraphs joined with a blank line. */
  text: string;
  paragraphs: string[];
  title?: string;
  author?: string;
  publishedAt?: string;
}

interface Block {
  text: string;
  kind: 'heading' | 'paragraph' | 'other';
  depth?: number;
}

/** How many leading blocks may hold the byline. */
const BYLINE_WINDOW = 3;

function inlineText(tokens: readonly Token[] | undefined): string {
  if (tokens === undefined) return '';
  let result = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        result += token.tokens ? inlineText(token.tokens) : token.text;
        break;
      case 'escape':
      case 'codespan':
        result += token.text;
        break;
      case 'br':
        result += ' ';
        break;
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) {
          result += inlineText(token.tokens as Token[]);
        } else if ('text' in token && typeof token.text === 'string') {
          result += token.text;
        }
    }
  }
  return result;
}

function plain(text: string): string {
  return collapseWhitespace(decodeHtmlEntities(text));
}

function htmlBlockParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: { body: HtmlNode | null };
  };
  return document.body === null ? [] : htmlParagraphs(document.body);
}

function collectBlocks(tokens: readonly Token[], blocks: Block[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({ text: plain(inlineText(token.tokens)), kind: 'heading', depth: token.depth });
        break;
      case 'paragraph':
      case 'text':
        blocks.push({
          text: plain(token.tokens ? inlineText(token.tokens) : token.text),
          kind: 'paragraph',
        });
        break;
      case 'list':
        for (const item of token.items) collectBlocks(item.tokens, blocks);
        break;
      case 'blockquote':
        collectBlocks(token.tokens ?? [], blocks);
        break;
      case 'table': {
        const rows = [token.header, ...token.rows] as { tokens: Token[] }[][];
        for (const row of rows) {
          const cells = row.map((cell) => plain(inlineText(cell.tokens))).filter(Boolean);
          blocks.push({ text: cells.join(' | '), kind: 'other' });
        }
        break;
      }
      case 'html':
        for (const paragraph of htmlBlockParagraphs(token.text)) {
          blocks.push({ text: paragraph, kind: 'other' });
        }
        break;
      case 'code':
      case 'hr':
      case 'space':
      case 'def':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) {
          collectBlocks(token.tokens as Token[], blocks);
        } else if ('text' in token && typeof token.text === 'string') {
          blocks.push({ text: plain(token.text), kind: 'other' });
        }
    }
  }
}

/**
 * Turns Markdown into plain-text paragraphs with the `marked` lexer: each heading, paragraph,
 * list item, block quote paragraph and table row (cells joined with ` | `) becomes a paragraph;
 * emphasis, links and inline code become their text; images, HTML comments and fenced or
 * indented code blocks are dropped; HTML blocks become their text; entities are decoded. A
 * leading YAML front matter block is removed. Title: the first level-1 heading (else the front
 * matter `title`). Author: the front matter `author`, else a byline such as `*By Jane Doe*` or
 * `By Jane Doe, Staff Writer` among the first three blocks. publishedAt: the front matter `date`.
 */
export function markdownToDocument(markdown: string): MarkdownDocument {
  const { body, fields } = splitFrontMatter(normalizeLineEndings(stripByteOrderMark(markdown)));
  const blocks: Block[] = [];
  collectBlocks(Lexer.lex(body, { gfm: true }), blocks);
  const kept = blocks.filter((block) => block.text.length > 0);
  const paragraphs = kept.map((block) => block.text);

  const heading = kept.find((block) => block.kind === 'heading' && block.depth === 1);
  const title = heading?.text ?? nonEmpty(fields.get('title'));
  let author = nonEmpty(fields.get('author'));
  if (author === undefined) {
    for (const block of kept.slice(0, BYLINE_WINDOW)) {
      if (block.kind !== 'paragraph') continue;
      author = bylineAuthor(block.text);
      if (author !== undefined) break;
    }
  }
  const publishedAt = nonEmpty(fields.get('date') ?? fields.get('published'));

  const result: MarkdownDocument = { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphs };
  if (title !== undefined) result.title = title;
  if (author !== undefined) result.author = author;
  if (publishedAt !== undefined) result.publishedAt = publishedAt;
  return result;
}
