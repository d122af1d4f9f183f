import { buildPdf } from './build-pdf.js';

/** A file the content server serves by default. */
export interface ContentFixture {
  /** The `Content-Type` header it is served with. */
  contentType: string;
  /** The bytes served. */
  body: Uint8Array;
}

const ARTICLE_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Reservoir levels recover after a dry winter | Riverside Courier</title>
  <meta property="og:site_name" content="Riverside Courier">
  <meta property="og:title" content="Reservoir levels recover after a dry winter">
  <meta name="author" content="Dana Reyes">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@type":"NewsArticle","headline":"Reservoir levels recover after a dry winter","datePublished":"2024-03-05T09:30:00Z","author":{"@type":"Person","name":"Dana Reyes"}}
  </script>
</head>
<body>
  <nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> Subscribe to the newsletter</nav>
  <header class="masthead"><p>Riverside Courier: the town's paper since 1887. Sign in.</p></header>
  <main>
    <article>
      <h1>Reservoir levels recover after a dry winter</h1>
      <p class="byline">By Dana Reyes</p>
      <p>The Riverside reservoir held 82 percent of its capacity at the end of March, up from 61 percent in January, the water board said on Tuesday. Heavy rain in February refilled the basin faster than engineers had expected.</p>
      <p>Board chair Miguel Ortega said household consumption fell by 4 percent over the winter after the town asked residents to shorten showers and fix leaking pipes. "People took the appeal seriously," Ortega said.</p>
      <p>The board will lift the hosepipe ban on 1 May if the reservoir stays above 75 percent. Farmers in the valley have asked for a separate allowance for irrigation during the summer months.</p>
      <p>Critics on the town council say the board should have invested in a second intake years ago. The council will debate the proposal at its April meeting, which is open to the public.</p>
    </article>
  </main>
  <aside class="related"><h2>Most read</h2><ul><li><a href="/a">Bakery wins regional prize</a></li><li><a href="/b">Bridge repairs delayed again</a></li></ul></aside>
  <footer class="site-footer"><p>Copyright 2024 Riverside Courier. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body>
</html>
`;

const TALK_SRT = `1
00:00:01,000 --> 00:00:04,500
Good evening, and welcome to the town hall.

2
00:00:05,000 --> 00:00:09,250
Tonight we discuss the reservoir and the hosepipe ban.

3
00:01:02,000 --> 00:01:06,000
The board expects to lift the ban on the first of May.
`;

const TALK_VTT = `WEBVTT
Language: en

00:00:01.000 --> 00:00:04.500
<v Miguel Ortega>Good evening, and welcome to the town hall.

00:00:05.000 --> 00:00:09.250
<v Miguel Ortega>Tonight we discuss the reservoir and the hosepipe ban.

00:01:02.000 --> 00:01:06.000
<v Dana Reyes>When will the ban be lifted?
`;

const NOTES_MARKDOWN = `# Council meeting notes

*By Priya Natarajan*

The council met on **4 April** to discuss the second water intake.

- Cost estimate: 2.4 million
- Construction time: eighteen months
`;

const NOTES_TEXT = `Council meeting notes

The council met on 4 April to discuss the second water intake.

The vote was postponed to May.
`;

const encoder = new TextEncoder();

/**
 * The files `startContentServer` serves unless its routes replace them, by path:
 * - `/article.html`: a news article (text/html) with title, author, publication date and site
 *   name in its meta tags and JSON-LD, wrapped in navigation, header, "most read" aside and
 *   footer boilerplate that main-content extraction must drop.
 * - `/report.pdf`: a two-page PDF built by `buildPdf` (title "Quarterly Water Report", author
 *   "Dana Reyes", created 2024-03-05T09:00:00Z), with two paragraphs on page one.
 * - `/talk.srt` (application/x-subrip) and `/talk.vtt` (text/vtt, with voice tags): three timed
 *   cues of a town hall meeting, the last starting at 62 seconds.
 * - `/notes.md` (text/markdown) and `/notes.txt` (text/plain): short meeting notes.
 */
export function contentFixtures(): Record<string, ContentFixture> {
  return {
    '/article.html': {
      contentType: 'text/html; charset=utf-8',
      body: encoder.encode(ARTICLE_HTML),
    },
    '/report.pdf': {
      contentType: 'application/pdf',
      body: buildPdf({
        title: 'Quarterly Water Report',
        author: 'Dana Reyes',
        createdAt: new Date('2024-03-05T09:00:00Z'),
        pages: [
          [
            'The Riverside reservoir held 82 percent of its capacity',
            'at the end of March, up from 61 percent in January.',
            '',
            'Household consumption fell by 4 percent over the winter.',
          ],
          ['The hosepipe ban ends on 1 May if levels stay above 75 percent.'],
        ],
      }),
    },
    '/talk.srt': { contentType: 'application/x-subrip', body: encoder.encode(TALK_SRT) },
    '/talk.vtt': { contentType: 'text/vtt; charset=utf-8', body: encoder.encode(TALK_VTT) },
    '/notes.md': {
      contentType: 'text/markdown; charset=utf-8',
      body: encoder.encode(NOTES_MARKDOWN),
    },
    '/notes.txt': { contentType: 'text/plain; charset=utf-8', body: encoder.encode(NOTES_TEXT) },
  };
}
