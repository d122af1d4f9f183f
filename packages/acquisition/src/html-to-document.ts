import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { PARAGRAPH_SEPARATOR } from './internal/build-content.js';
import { stripBylinePrefix } from './internal/byline.js';
import { type HtmlNode, htmlParagraphs, PAGE_FURNITURE_ELEMENTS } from './internal/html-blocks.js';
import { languageTag } from './internal/language-tag.js';
import { nonEmpty } from './internal/text-normalization.js';

/** The readable text of an HTML page and what its markup says about it. */
export interface HtmlDocument {
  /** The paragraphs joined with a blank line. */
  text: string;
  paragraphs: string[];
  title?: string;
  author?: string;
  publishedAt?: string;
  siteName?: string;
  language?: string;
}

interface QueryableElement extends HtmlNode {
  getAttribute(name: string): string | null;
}

interface QueryableDocument {
  readonly body: HtmlNode | null;
  querySelector(selector: string): QueryableElement | null;
  querySelectorAll(selector: string): ArrayLike<QueryableElement>;
}

/**
 * linkedom builds no implied `<html>`/`<body>` elements: a fragment or a page without them is
 * wrapped into a complete document (keeping the `lang` of an `<html>` tag).
 */
function completeDocument(html: string): string {
  if (/<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)) return html;
  const lang = /<html\b[^>]*?\blang\s*=\s*["']?([^"'\s>]+)/i.exec(html)?.[1];
  const inner = html
    .replace(/<!doctype[^>]*>/gi, '')
    .replace(/<\/?(?:html|head|body)\b[^>]*>/gi, '');
  const langAttribute = lang === undefined ? '' : ` lang="${lang.replace(/"/g, '')}"`;
  return `<!doctype html><html${langAttribute}><head></head><body>${inner}</body></html>`;
}

/** Meta values by lower-cased `property`, `name` or `itemprop`; the first of each wins. */
function metaValues(document: QueryableDocument): Map<string, string> {
  const values = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let index = 0; index < metas.length; index += 1) {
    const meta = metas[index];
    if (meta === undefined) continue;
    const content = nonEmpty(meta.getAttribute('content'));
    if (content === undefined) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key !== undefined && key.length > 0 && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

function firstOf(values: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = values.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function textOf(element: HtmlNode | null): string | undefined {
  return nonEmpty(element?.textContent);
}

interface ReadableArticle {
  title: string | null | undefined;
  content: HtmlNode | null | undefined;
  byline: string | null | undefined;
  siteName: string | null | undefined;
  publishedTime: string | null | undefined;
  lang: string | null | undefined;
}

function readArticle(document: QueryableDocument): ReadableArticle | undefined {
  try {
    // Readability's types want a DOM Document; linkedom's document is one at runtime.
    const reader = new Readability<HtmlNode>(document as never, {
      serializer: (node) => node as unknown as HtmlNode,
    });
    return reader.parse() ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Extracts the main text of an HTML page with Mozilla Readability (run on a linkedom DOM), as
 * paragraphs: block elements and `<br>` separate paragraphs, inline markup becomes its text.
 * When Readability finds nothing, the text of the whole body is used instead (without
 * navigation, header, footer, aside and forms, unless nothing else is left). Metadata comes from
 * the markup: title from `og:title` or `twitter:title`, else the headline Readability derives
 * (JSON-LD `headline`, or `<title>` without a " | Site name" suffix), else `<title>` or the first
 * `<h1>`; author from `<meta name="author">`, `article:author` or the byline Readability finds
 * (JSON-LD, `rel="author"`, `.byline`); publishedAt from `article:published_time` (or `date`-like
 * metas, the first `<time datetime>`, JSON-LD `datePublished`); siteName from `og:site_name`;
 * language from `<html lang>` (or `content-language`, `og:locale`).
 */
export function htmlToDocument(html: string): HtmlDocument {
  const { document } = parseHTML(completeDocument(html)) as unknown as {
    document: QueryableDocument;
  };
  const metas = metaValues(document);
  const metaTitle = firstOf(metas, ['og:title', 'twitter:title']);
  const pageTitle = textOf(document.querySelector('title'));
  const firstHeading = textOf(document.querySelector('h1'));
  const metaAuthor = firstOf(metas, ['author', 'article:author', 'byl', 'dc.creator']);
  const publishedAt =
    firstOf(metas, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'pubdate',
      'publishdate',
      'date',
      'dc.date',
    ]) ?? nonEmpty(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const language =
    languageTag(document.querySelector('html')?.getAttribute('lang')) ??
    languageTag(metas.get('content-language')) ??
    languageTag(metas.get('og:locale'));
  const siteName = firstOf(metas, ['og:site_name', 'application-name']);

  const article = readArticle(document);
  let paragraphs = article?.content ? htmlParagraphs(article.content) : [];
  if (paragraphs.length === 0) {
    // Readability changed the document; parse it again for the fallback.
    const fresh = parseHTML(completeDocument(html)) as unknown as { document: QueryableDocument };
    const body = fresh.document.body;
    if (body !== null) {
      paragraphs = htmlParagraphs(body, PAGE_FURNITURE_ELEMENTS);
      if (paragraphs.length === 0) paragraphs = htmlParagraphs(body);
    }
  }

  const linkAuthor = metaAuthor !== undefined && /^https?:\/\//i.test(metaAuthor);
  const author =
    (linkAuthor ? undefined : metaAuthor) ?? nonEmpty(stripBylinePrefix(article?.byline ?? ''));
  const title = metaTitle ?? nonEmpty(article?.title) ?? pageTitle ?? firstHeading;
  const result: HtmlDocument = { text: paragraphs.join(PARAGRAPH_SEPARATOR), paragraphs };
  if (title !== undefined) result.title = title;
  if (author !== undefined) result.author = author;
  const published = publishedAt ?? nonEmpty(article?.publishedTime);
  if (published !== undefined) result.publishedAt = published;
  const site = siteName ?? nonEmpty(article?.siteName);
  if (site !== undefined) result.siteName = site;
  const lang = language ?? languageTag(article?.lang);
  if (lang !== undefined) result.language = lang;
  return result;
}
