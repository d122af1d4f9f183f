import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, contentSchema, InputError } from '@orch/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectExactOffsets, rejectionOf } from './internal/test-expectations.js';
import { loadFile } from './load-file.js';
import { DEFAULT_MAX_BYTES } from './load-options.js';
import { SUPPORTED_EXTENSIONS } from './supported-extensions.js';

const NOW = () => new Date('2024-06-01T12:00:00.000Z');
let directory: string;

async function fixture(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-acquisition-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('loadFile: formats', () => {
  it('loads a .txt document with a headline title, a byline author and exact offsets', async () => {
    const source =
      'City opens new library\n\nBy Jane Doe\n\nThe library opened on Monday\nwith 2,000 visitors.\n\nIt cost 14 million euros.\n';
    const path = await fixture('news.txt', source);
    const content = await loadFile(path, { now: NOW });
    expect(contentSchema.parse(content)).toEqual(content);
    expect(content.kind).toBe('document');
    expect(content.text).toBe(
      'City opens new library\n\nBy Jane Doe\n\nThe library opened on Monday with 2,000 visitors.\n\nIt cost 14 million euros.',
    );
    expect(content.id).toBe(createHash('sha256').update(content.text).digest('hex'));
    expectExactOffsets(content);
    expect(content.segments).toHaveLength(4);
    expect(content.metadata).toEqual({
      source: { type: 'file', location: path },
      mediaType: 'text/plain',
      byteLength: Buffer.byteLength(source),
      wordCount: 20,
      title: 'City opens new library',
      author: 'Jane Doe',
      acquiredAt: '2024-06-01T12:00:00.000Z',
    });
  });

  it('gives a .txt no title when its first line reads like a sentence', async () => {
    const path = await fixture('sentence.txt', 'This is a sentence.\n\nAnd another one.');
    const content = await loadFile(path);
    expect(content.metadata.title).toBeUndefined();
    expect(content.metadata.acquiredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('loads Markdown as an article with the h1 as title', async () => {
    const path = await fixture(
      'opinion.md',
      '# Remote work wins\n\n*By Ana Ruiz*\n\nOffices are **empty** and [rents](https://x.test) fall.\n\n- One\n- Two\n',
    );
    const content = await loadFile(path, { now: NOW });
    expect(content.kind).toBe('article');
    expect(content.text).toBe(
      'Remote work wins\n\nBy Ana Ruiz\n\nOffices are empty and rents fall.\n\nOne\n\nTwo',
    );
    expectExactOffsets(content);
    expect(content.metadata).toMatchObject({
      mediaType: 'text/markdown',
      title: 'Remote work wins',
      author: 'Ana Ruiz',
      wordCount: 14,
    });
  });

  it('loads HTML as an article with its metadata', async () => {
    const path = await fixture(
      'page.HTM',
      `<!doctype html><html lang="de"><head><title>Stadt | Zeitung</title>
      <meta property="og:title" content="Stadt plant Solarpflicht">
      <meta name="author" content="Max Muster">
      <meta property="article:published_time" content="2024-02-01">
      <meta property="og:site_name" content="Zeitung"></head>
      <body><nav>Start</nav><main><p>Die Stadt plant eine Solarpflicht f\u00fcr Neubauten.</p>
      <p>Der Rat stimmt im M\u00e4rz ab.</p></main></body></html>`,
    );
    const content = await loadFile(path, { now: NOW });
    expect(content.kind).toBe('article');
    expect(content.segments.map((segment) => segment.text)).toEqual([
      'Die Stadt plant eine Solarpflicht f\u00fcr Neubauten.',
      'Der Rat stimmt im M\u00e4rz ab.',
    ]);
    expectExactOffsets(content);
    expect(content.metadata).toMatchObject({
      mediaType: 'text/html',
      title: 'Stadt plant Solarpflicht',
      author: 'Max Muster',
      publishedAt: '2024-02-01',
      siteName: 'Zeitung',
      language: 'de',
    });
  });

  it('loads SRT as a transcript: cues joined with spaces, one timed segment per cue', async () => {
    const path = await fixture(
      'talk.srt',
      '1\n00:00:01,000 --> 00:00:03,000\nHello and\nwelcome.\n\n2\n00:00:03,500 --> 00:00:06,750\nToday: energy.\n',
    );
    const content = await loadFile(path, { now: NOW });
    expect(content.kind).toBe('transcript');
    expect(content.text).toBe('Hello and welcome. Today: energy.');
    expectExactOffsets(content);
    expect(content.segments).toEqual([
      { index: 0, text: 'Hello and welcome.', start: 0, end: 18, startSeconds: 1, endSeconds: 3 },
      {
        index: 1,
        text: 'Today: energy.',
        start: 19,
        end: 33,
        startSeconds: 3.5,
        endSeconds: 6.75,
      },
    ]);
    expect(content.metadata).toMatchObject({
      mediaType: 'application/x-subrip',
      durationSeconds: 6.75,
      wordCount: 5,
    });
    expect(content.metadata.title).toBeUndefined();
  });

  it('loads WebVTT with speakers: a newline where the speaker changes, language from the header', async () => {
    const path = await fixture(
      'panel.vtt',
      [
        'WEBVTT',
        'Language: en',
        '',
        '00:00.000 --> 00:02.000',
        '<v Ana>We must act</v>',
        '',
        '00:02.000 --> 00:04.000',
        '<v Ana>now.</v>',
        '',
        '00:04.000 --> 00:07.500 line:90%',
        '<v Ben>I disagree.</v>',
      ].join('\n'),
    );
    const content = await loadFile(path, { now: NOW });
    expect(content.text).toBe('We must act now.\nI disagree.');
    expectExactOffsets(content);
    expect(
      content.segments.map(({ speaker, startSeconds, endSeconds }) => ({
        speaker,
        startSeconds,
        endSeconds,
      })),
    ).toEqual([
      { speaker: 'Ana', startSeconds: 0, endSeconds: 2 },
      { speaker: 'Ana', startSeconds: 2, endSeconds: 4 },
      { speaker: 'Ben', startSeconds: 4, endSeconds: 7.5 },
    ]);
    expect(content.metadata).toMatchObject({
      mediaType: 'text/vtt',
      language: 'en',
      durationSeconds: 7.5,
    });
  });

  it('loads a JSON transcript with title, language and speakers', async () => {
    const path = await fixture(
      'hearing.json',
      JSON.stringify({
        title: 'Budget hearing',
        language: 'en',
        segments: [
          { start: 0, end: 4, text: 'The hearing is open.', speaker: 'Chair' },
          { start: 4, end: 9.5, text: 'Thank you, chair.', speaker: 'Witness' },
        ],
      }),
    );
    const content = await loadFile(path, { now: NOW });
    expect(content.kind).toBe('transcript');
    expect(content.text).toBe('The hearing is open.\nThank you, chair.');
    expectExactOffsets(content);
    expect(content.segments.map((segment) => segment.speaker)).toEqual(['Chair', 'Witness']);
    expect(content.metadata).toMatchObject({
      mediaType: 'application/json',
      title: 'Budget hearing',
      language: 'en',
      durationSeconds: 9.5,
    });
  });

  it('strips a UTF-8 byte order mark and matches extensions case-insensitively', async () => {
    const path = await fixture('upper.TXT', '\uFEFFHello world.');
    const content = await loadFile(path);
    expect(content.text).toBe('Hello world.');
    expect(content.metadata.byteLength).toBe(15);
  });
});

describe('loadFile: bad input', () => {
  async function inputError(promise: Promise<unknown>, code: string, path: string) {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(path);
    expect(error.message).not.toContain('\n');
    return error;
  }

  it('FILE_NOT_FOUND for a missing file', async () => {
    const path = join(directory, 'missing.txt');
    const error = await inputError(loadFile(path), 'FILE_NOT_FOUND', path);
    expect(error.message).toContain('Check the path');
  });

  it('FILE_NOT_FOUND when a parent of the path is a file', async () => {
    const parent = await fixture('parent.txt', 'text');
    const path = join(parent, 'child.txt');
    await inputError(loadFile(path), 'FILE_NOT_FOUND', path);
  });

  it('NOT_A_FILE for a directory', async () => {
    const path = join(directory, 'folder.txt');
    await mkdir(path);
    const error = await inputError(loadFile(path), 'NOT_A_FILE', path);
    expect(error.message).toContain('directory');
  });

  it('FILE_TOO_LARGE for a file over 50 MB, checked before reading (sparse file)', async () => {
    const path = await fixture('huge.txt', '');
    await truncate(path, DEFAULT_MAX_BYTES + 1);
    const error = await inputError(loadFile(path), 'FILE_TOO_LARGE', path);
    expect(error.message).toContain('50.00 MB (52428801 bytes)');
    expect(error.message).toContain('50 MB limit');
  });

  it('FILE_TOO_LARGE honours the maxBytes option', async () => {
    const path = await fixture('small.txt', 'Twelve bytes');
    await inputError(loadFile(path, { maxBytes: 11 }), 'FILE_TOO_LARGE', path);
    await expect(loadFile(path, { maxBytes: 12 })).resolves.toMatchObject({
      text: 'Twelve bytes',
    });
  });

  it('refuses an invalid maxBytes with a ConfigError', async () => {
    const path = await fixture('config.txt', 'Some text.');
    const error = await rejectionOf(loadFile(path, { maxBytes: -1 }));
    expect(error.code).toBe('INVALID_MAX_BYTES');
    expect(error.category).toBe('config');
  });

  it('EMPTY_FILE for an empty file and for whitespace only', async () => {
    const empty = await fixture('empty.txt', '');
    await inputError(loadFile(empty), 'EMPTY_FILE', empty);
    const blank = await fixture('blank.md', ' \n\t\n  \r\n');
    await inputError(loadFile(blank), 'EMPTY_FILE', blank);
  });

  it('EMPTY_FILE when nothing readable is left once markup is removed', async () => {
    const codeOnly = await fixture('code.md', '```\nconsole.log(1);\n```\n');
    const error = await inputError(loadFile(codeOnly), 'EMPTY_FILE', codeOnly);
    expect(error.message).toContain('markup');
    const scriptOnly = await fixture(
      'script.html',
      '<html><body><script>x()</script></body></html>',
    );
    await inputError(loadFile(scriptOnly), 'EMPTY_FILE', scriptOnly);
  });

  it('BINARY_FILE for NUL bytes in the first 8 KB', async () => {
    const bytes = new Uint8Array([72, 105, 0, 33, 10]);
    const path = await fixture('nul.txt', bytes);
    await inputError(loadFile(path), 'BINARY_FILE', path);
  });

  it('BINARY_FILE for a PDF saved with a text extension, saying to use the .pdf extension', async () => {
    const path = await fixture('report.txt', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n');
    const error = await inputError(loadFile(path), 'BINARY_FILE', path);
    expect(error.message).toContain('a PDF document');
    expect(error.message).toContain('the .pdf extension');
  });

  it.each([
    ['song.txt', [0x49, 0x44, 0x33, 0x04, 0x00], 'MP3 audio'],
    ['frame.vtt', [0xff, 0xfb, 0x90, 0x64, 0x41], 'MP3 audio'],
    [
      'clip.srt',
      [0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d],
      'MP4/QuickTime video',
    ],
    ['voice.md', [0x4f, 0x67, 0x67, 0x53, 0x00, 0x02], 'Ogg audio'],
    [
      'sound.json',
      [0x52, 0x49, 0x46, 0x46, 0x24, 0x08, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45],
      'WAV audio',
    ],
  ])('BINARY_FILE for media (%s), pointing to media acquisition', async (name, bytes, detected) => {
    const path = await fixture(name, new Uint8Array(bytes));
    const error = await inputError(loadFile(path), 'BINARY_FILE', path);
    expect(error.message).toContain(detected);
    expect(error.message).toContain('media acquisition');
    expect(error.message).toContain('not available yet');
  });

  it.each([
    ['image.html', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01], 'a PNG image'],
    ['photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0x10], 'a JPEG image'],
    ['anim.txt', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01], 'a GIF image'],
    ['bundle.txt', [0x50, 0x4b, 0x03, 0x04, 0x14], 'a ZIP archive'],
  ])('BINARY_FILE for %s', async (name, bytes, detected) => {
    const path = await fixture(name, new Uint8Array(bytes));
    const error = await inputError(loadFile(path), 'BINARY_FILE', path);
    expect(error.message).toContain(detected);
  });

  it('INVALID_UTF8 for Latin-1 bytes and for UTF-16 text', async () => {
    const latin1 = await fixture('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const error = await inputError(loadFile(latin1), 'INVALID_UTF8', latin1);
    expect(error.message).toContain('Re-save it as UTF-8');
    const utf16 = await fixture('utf16.txt', new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]));
    const wide = await inputError(loadFile(utf16), 'INVALID_UTF8', utf16);
    expect(wide.message).toContain('UTF-16');
  });

  it('UNSUPPORTED_FILE_TYPE lists the supported extensions', async () => {
    const path = await fixture('table.csv', 'a,b\n1,2\n');
    const error = await inputError(loadFile(path), 'UNSUPPORTED_FILE_TYPE', path);
    for (const extension of SUPPORTED_EXTENSIONS) expect(error.message).toContain(extension);
    const bare = await fixture('README', 'Some text');
    const noExtension = await inputError(loadFile(bare), 'UNSUPPORTED_FILE_TYPE', bare);
    expect(noExtension.message).toContain('no file extension');
  });

  it('UNSUPPORTED_FILE_TYPE for .docx and .mp3 says what to do', async () => {
    const docx = await fixture('paper.docx', 'PK');
    const docxError = await inputError(loadFile(docx), 'UNSUPPORTED_FILE_TYPE', docx);
    expect(docxError.message).toContain('office and e-book documents are not read yet');
    const mp3 = await fixture('episode.mp3', 'ID3');
    const mp3Error = await inputError(loadFile(mp3), 'UNSUPPORTED_FILE_TYPE', mp3);
    expect(mp3Error.message).toContain('media acquisition');
  });

  it('INVALID_TRANSCRIPT for subtitle files without cues', async () => {
    const srt = await fixture('notes.srt', 'These are notes, not subtitles.\n');
    const srtError = await inputError(loadFile(srt), 'INVALID_TRANSCRIPT', srt);
    expect(srtError.message).toContain('00:00:01,000 --> 00:00:04,000');
    const vtt = await fixture('header-only.vtt', 'WEBVTT\n\nNOTE nothing yet\n');
    await inputError(loadFile(vtt), 'INVALID_TRANSCRIPT', vtt);
  });

  it('INVALID_TRANSCRIPT for JSON that is not the transcript format, naming the field', async () => {
    const path = await fixture(
      'wrong.json',
      '{"segments":[{"start":0,"end":1,"text":"ok"},{"start":"1.0","end":2,"text":"x"}]}',
    );
    const error = await inputError(loadFile(path), 'INVALID_TRANSCRIPT', path);
    expect(error.message).toContain('segments[1].start');
    expect(error.message).toContain('README');
  });

  it('throws CancelledError when the signal has fired', async () => {
    const path = await fixture('cancel.txt', 'Some text.');
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(loadFile(path, { signal: controller.signal }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.code).toBe('RUN_CANCELLED');
  });

  it.skipIf(process.getuid?.() === 0)(
    'FILE_NOT_READABLE for a file without read permission (real chmod; root can read anything)',
    async () => {
      const { chmod } = await import('node:fs/promises');
      const path = await fixture('secret.txt', 'Hidden text.');
      await chmod(path, 0o000);
      await inputError(loadFile(path), 'FILE_NOT_READABLE', path);
    },
  );
});
