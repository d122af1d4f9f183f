import { describe, expect, it } from 'vitest';
import { markdownToDocument } from './markdown-to-document.js';

describe('markdownToDocument', () => {
  it('strips markup to plain paragraphs and takes the title and byline', () => {
    const markdown = [
      '# Remote work is here to stay',
      '',
      '*By Jane Doe*',
      '',
      'Offices are **emptier** than ever, and [surveys](https://example.com) show _workers_ like it.',
      'A second line of the same paragraph with `inline code` &amp; an ![chart](c.png) image.',
      '',
      '## Why it matters',
      '',
      '- Commutes cost time',
      '- [x] Rents fall',
      '  1. nested point',
      '',
      '> Productivity rose 4%, one study says.',
      '',
      '```js',
      'console.log("dropped");',
      '```',
      '',
      '<!-- an editor comment -->',
      '',
      '| City | Share |',
      '|------|-------|',
      '| Oslo | 40% |',
      '',
      '---',
      '',
      'The end.',
    ].join('\n');
    const document = markdownToDocument(markdown);
    expect(document.title).toBe('Remote work is here to stay');
    expect(document.author).toBe('Jane Doe');
    expect(document.paragraphs).toEqual([
      'Remote work is here to stay',
      'By Jane Doe',
      'Offices are emptier than ever, and surveys show workers like it. A second line of the same paragraph with inline code & an image.',
      'Why it matters',
      'Commutes cost time',
      'Rents fall',
      'nested point',
      'Productivity rose 4%, one study says.',
      'City | Share',
      'Oslo | 40%',
      'The end.',
    ]);
    expect(document.text).toBe(document.paragraphs.join('\n\n'));
    expect(document.text).not.toContain('dropped');
    expect(document.text).not.toContain('editor comment');
  });

  it('reads a plain "By" byline with a role and setext headings', () => {
    const document = markdownToDocument(
      'Energy in 2030\n==============\n\nBy John Smith, Energy Editor\n\nText.',
    );
    expect(document.title).toBe('Energy in 2030');
    expect(document.author).toBe('John Smith');
  });

  it('uses front matter for title, author and date and keeps it out of the text', () => {
    const document = markdownToDocument(
      '---\ntitle: "Front matter title"\nauthor: Ana Ruiz\ndate: 2024-05-01\n---\nBody text here.\n',
    );
    expect(document).toEqual({
      text: 'Body text here.',
      paragraphs: ['Body text here.'],
      title: 'Front matter title',
      author: 'Ana Ruiz',
      publishedAt: '2024-05-01',
    });
  });

  it('does not take a sentence starting with "by" for a byline', () => {
    const document = markdownToDocument('# Title\n\nby the river, the town grew quickly.\n');
    expect(document.author).toBeUndefined();
  });
});
