/** The media type of each audio and video extension `loadMediaFile` accepts (lower case). */
const MEDIA_FILE_TYPES: Readonly<Record<string, string>> = {
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wma': 'audio/x-ms-wma',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.webm': 'video/webm',
  '.avi': 'video/x-msvideo',
  '.wmv': 'video/x-ms-wmv',
  '.mpeg': 'video/mpeg',
  '.mpg': 'video/mpeg',
};

/** The audio and video extensions `loadMediaFile` accepts, with the dot, lower case. */
export const MEDIA_FILE_EXTENSIONS: readonly string[] = Object.freeze(
  Object.keys(MEDIA_FILE_TYPES),
);

/** The media type of an extension (`.mp3` → `audio/mpeg`, any case), or undefined. */
export function mediaTypeOfExtension(extension: string): string | undefined {
  const normalized = extension.startsWith('.') ? extension : `.${extension}`;
  return MEDIA_FILE_TYPES[normalized.toLowerCase()];
}
