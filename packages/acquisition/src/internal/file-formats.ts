import type { ContentKind } from '@orch/core';

export type FileFormat = 'text' | 'markdown' | 'html' | 'srt' | 'vtt' | 'json';

export interface FileFormatInfo {
  format: FileFormat;
  mediaType: string;
  kind: ContentKind;
}

/** The file types loadFile reads, by lower-case extension. */
export const FILE_FORMATS: Readonly<Record<string, FileFormatInfo>> = {
  '.txt': { format: 'text', mediaType: 'text/plain', kind: 'document' },
  '.text': { format: 'text', mediaType: 'text/plain', kind: 'document' },
  '.md': { format: 'markdown', mediaType: 'text/markdown', kind: 'article' },
  '.markdown': { format: 'markdown', mediaType: 'text/markdown', kind: 'article' },
  '.html': { format: 'html', mediaType: 'text/html', kind: 'article' },
  '.htm': { format: 'html', mediaType: 'text/html', kind: 'article' },
  '.srt': { format: 'srt', mediaType: 'application/x-subrip', kind: 'transcript' },
  '.vtt': { format: 'vtt', mediaType: 'text/vtt', kind: 'transcript' },
  '.json': { format: 'json', mediaType: 'application/json', kind: 'transcript' },
};

/** Extensions of documents that document acquisition will read (not available yet). */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.odt',
  '.rtf',
  '.epub',
]);

/** Extensions of audio and video that media acquisition will transcribe (not available yet). */
export const MEDIA_EXTENSIONS: ReadonlySet<string> = new Set([
  '.mp3',
  '.wav',
  '.m4a',
  '.aac',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.wma',
  '.mp4',
  '.m4v',
  '.mov',
  '.mkv',
  '.webm',
  '.avi',
  '.wmv',
  '.mpeg',
  '.mpg',
]);
