import { describe, expect, it } from 'vitest';
import { htmlToDocument } from './html-to-document.js';

const ARTICLE_PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Library opens | Riverside Gazette</title>
  <meta property="og:title" content="New library opens in Riverside &amp; draws crowds">
  <meta name="author" content="Jane Doe">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <meta property="og:site_name" content="Riverside Gazette">
  <style>body { color: red }</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
  <article>
    <h1>New library opens in Riverside</h1>
    <p>The new central library opened on Monday with <b>more than 2,000</b> visitors on its
    first day, according to the <a href="/council">city council</a>.</p>
    <p>The building cost 14 million euros and houses 120,000 books, a makerspace and a cafe
    that the council says will be run by a local cooperative.</p>
    <script>trackVisit();</script>
    <p>Critics said the opening hours are too short for working families &mdash; the library
    closes at 6 pm on weekdays.</p>
  </article>
  <footer>Copyright Riverside Gazette</footer>
</body>
</html>`;

describe('htmlToDocument', () => {
  it('extracts the article paragraphs and leaves out navigation, scripts and footer', () => {
    const document = htmlToDocument(ARTICLE_PAGE);
    expect(document.paragraphs).toEqual([
      'The new central library opened on Monday with more than 2,000 visitors on its first day, according to the city council.',
      'The building cost 14 million euros and houses 120,000 books, a makerspace and a cafe that the council says will be run by a local cooperative.',
      'Critics said the opening hours are too short for working families \u2014 the library closes at 6 pm on weekdays.',
    ]);
    expect(document.text).toBe(document.paragraphs.join('\n\n'));
    expect(document.text).not.toContain('trackVisit');
    expect(document.text).not.toContain('Copyright');
  });

  it('reads title, author, date, site name and language from the markup', () => {
    const document = htmlToDocument(ARTICLE_PAGE);
    expect(document).toMatchObject({
      title: 'New library opens in Riverside & draws crowds',
      author: 'Jane Doe',
      publishedAt: '2024-03-05T09:30:00Z',
      siteName: 'Riverside Gazette',
      language: 'en-GB',
    });
  });

  it('drops the site name from <title> and reads JSON-LD author and date', () => {
    const document = htmlToDocument(`<!doctype html><html><head>
      <title>Council votes on bike lanes - The Daily Planet</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "author":{"@type":"Person","name":"Lois Lane"},"datePublished":"2024-04-02T08:00:00Z"}</script>
      </head><body><article><h1>Council votes on bike lanes</h1>
      <p>The city council voted 6-3 on Tuesday to build 12 kilometres of protected bike lanes.</p>
      </article></body></html>`);
    expect(document.title).toBe('Council votes on bike lanes');
    expect(document.author).toBe('Lois Lane');
    expect(document.publishedAt).toBe('2024-04-02T08:00:00Z');
    expect(document.text).not.toContain('@context');
  });

  it('falls back to <title> when there is no og:title', () => {
    const document = htmlToDocument(
      '<html><head><title> Plain page </title></head><body><p>Hello there.</p></body></html>',
    );
    expect(document.title).toBe('Plain page');
    expect(document.paragraphs).toEqual(['Hello there.']);
    expect(document.author).toBeUndefined();
    expect(document.language).toBeUndefined();
  });

  it('reads fragments without <html> or <body>, splitting paragraphs at <br>', () => {
    const document = htmlToDocument(
      '<h2>Notes</h2>First line<br>Second line<ul><li>One</li><li>Two</li></ul>',
    );
    expect(document.paragraphs).toEqual(['Notes', 'First line', 'Second line', 'One', 'Two']);
  });

  it('returns no paragraphs for a page with only scripts and styles', () => {
    const document = htmlToDocument(
      '<html><head><style>p{}</style></head><body><script>var x = 1;</script></body></html>',
    );
    expect(document.paragraphs).toEqual([]);
    expect(document.text).toBe('');
  });
});
