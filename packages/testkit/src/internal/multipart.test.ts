import { describe, expect, it } from 'vitest';
import { parseMultipart } from './multipart.js';

describe('parseMultipart', () => {
  it('reads text fields, joins repeated ones and counts file bytes', async () => {
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('timestamp_granularities[]', 'word');
    form.append('timestamp_granularities[]', 'segment');
    form.append('file', new Blob([new Uint8Array(1234).fill(13)]), 'clip.mp3');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const parsed = parseMultipart(body, request.headers.get('content-type') ?? '');
    expect(parsed).toEqual({
      fields: { model: 'whisper-1', 'timestamp_granularities[]': 'word,segment' },
      fileBytes: 1234,
      fileName: 'clip.mp3',
    });
  });

  it('returns undefined without a boundary', () => {
    expect(parseMultipart(Buffer.from('x'), 'multipart/form-data')).toBeUndefined();
  });
});
