export type BinaryCategory = 'document' | 'audio' | 'video' | 'image' | 'archive' | 'binary';

/** What the first bytes of a file say it is. */
export interface BinarySignature {
  /** A short human description: "a PDF document", "MP3 audio". */
  description: string;
  category: BinaryCategory;
}

/** How far into a file NUL bytes are looked for. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

function hasAscii(bytes: Uint8Array, offset: number, expected: string): boolean {
  return hasBytes(
    bytes,
    offset,
    Array.from(expected, (character) => character.charCodeAt(0)),
  );
}

interface MagicNumber {
  offset: number;
  bytes: readonly number[] | string;
  signature: BinarySignature;
}

const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { offset: 0, bytes: '%PDF-', signature: { description: 'a PDF document', category: 'document' } },
  {
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    signature: { description: 'a legacy Microsoft Office document', category: 'document' },
  },
  {
    offset: 0,
    bytes: [0x50, 0x4b, 0x03, 0x04],
    signature: {
      description: 'a ZIP archive (or a .docx, .xlsx, .epub package)',
      category: 'archive',
    },
  },
  {
    offset: 0,
    bytes: [0x50, 0x4b, 0x05, 0x06],
    signature: { description: 'an empty ZIP archive', category: 'archive' },
  },
  {
    offset: 0,
    bytes: [0x1f, 0x8b],
    signature: { description: 'a gzip archive', category: 'archive' },
  },
  {
    offset: 0,
    bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
    signature: { description: 'a 7-Zip archive', category: 'archive' },
  },
  { offset: 0, bytes: 'Rar!', signature: { description: 'a RAR archive', category: 'archive' } },
  {
    offset: 0,
    bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    signature: { description: 'a PNG image', category: 'image' },
  },
  {
    offset: 0,
    bytes: [0xff, 0xd8, 0xff],
    signature: { description: 'a JPEG image', category: 'image' },
  },
  { offset: 0, bytes: 'GIF87a', signature: { description: 'a GIF image', category: 'image' } },
  { offset: 0, bytes: 'GIF89a', signature: { description: 'a GIF image', category: 'image' } },
  { offset: 8, bytes: 'WEBP', signature: { description: 'a WebP image', category: 'image' } },
  { offset: 8, bytes: 'WAVE', signature: { description: 'WAV audio', category: 'audio' } },
  { offset: 8, bytes: 'AVI ', signature: { description: 'AVI video', category: 'video' } },
  { offset: 0, bytes: 'ID3', signature: { description: 'MP3 audio', category: 'audio' } },
  { offset: 0, bytes: 'OggS', signature: { description: 'Ogg audio', category: 'audio' } },
  { offset: 0, bytes: 'fLaC', signature: { description: 'FLAC audio', category: 'audio' } },
  { offset: 4, bytes: 'ftypM4A', signature: { description: 'M4A audio', category: 'audio' } },
  {
    offset: 4,
    bytes: 'ftyp',
    signature: { description: 'MP4/QuickTime video', category: 'video' },
  },
  {
    offset: 0,
    bytes: [0x1a, 0x45, 0xdf, 0xa3],
    signature: { description: 'Matroska/WebM video', category: 'video' },
  },
  {
    offset: 0,
    bytes: [0x7f, 0x45, 0x4c, 0x46],
    signature: { description: 'an ELF executable', category: 'binary' },
  },
];

/** An MPEG audio frame header without ID3 tag: 11 sync bits and a valid layer. */
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  const first = bytes[0];
  const second = bytes[1];
  if (first !== 0xff || second === undefined) return false;
  // 0xFE and 0xFF after 0xFF are a UTF-16 byte order mark or padding, not a frame header.
  if (second === 0xfe || second === 0xff) return false;
  return (second & 0xe0) === 0xe0 && (second & 0x06) !== 0;
}

/**
 * Recognises binary files by their magic number (PDF, Office, ZIP, gzip, 7z, RAR, PNG, JPEG, GIF,
 * WebP, WAV, AVI, MP3, Ogg, FLAC, M4A, MP4, Matroska/WebM, ELF) or by a NUL byte in the first
 * 8 KB. Undefined means the bytes may be text.
 */
export function detectBinary(bytes: Uint8Array): BinarySignature | undefined {
  for (const magic of MAGIC_NUMBERS) {
    const matches =
      typeof magic.bytes === 'string'
        ? hasAscii(bytes, magic.offset, magic.bytes)
        : hasBytes(bytes, magic.offset, magic.bytes);
    if (!matches) continue;
    // RIFF containers carry their type at offset 8.
    if (magic.offset === 8 && !hasAscii(bytes, 0, 'RIFF')) continue;
    return magic.signature;
  }
  if (isMpegAudioFrame(bytes)) return { description: 'MP3 audio', category: 'audio' };
  const sniffLength = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let index = 0; index < sniffLength; index += 1) {
    if (bytes[index] === 0) return { description: 'binary data (NUL bytes)', category: 'binary' };
  }
  return undefined;
}

/** The UTF-16 or UTF-32 byte order mark at the start of `bytes`, if any. */
export function wideEncodingOf(bytes: Uint8Array): string | undefined {
  if (
    hasBytes(bytes, 0, [0xff, 0xfe, 0x00, 0x00]) ||
    hasBytes(bytes, 0, [0x00, 0x00, 0xfe, 0xff])
  ) {
    return 'UTF-32';
  }
  if (hasBytes(bytes, 0, [0xff, 0xfe]) || hasBytes(bytes, 0, [0xfe, 0xff])) return 'UTF-16';
  return undefined;
}
