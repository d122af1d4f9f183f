import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Content, InputError } from '@orch/core';
import type { ContentMetadataInput } from './internal/build-content.js';
import { decodeUtf8 } from './internal/decode-utf8.js';
import { languageTag } from './internal/language-tag.js';
import {
  mediaCacheKey,
  mediaContent,
  readTranscript,
  storeTranscript,
} from './internal/media-content.js';
import { mediaSettings } from './internal/media-settings.js';
import { throwIfAborted } from './internal/throw-if-aborted.js';
import { transcribeMedia, transcriberMissing } from './internal/transcribe-media.js';
import { parseVttDocument } from './internal/vtt-document.js';
import {
  chooseSubtitles,
  downloadAudio,
  downloadSubtitles,
  fetchMediaInfo,
  mediaIdentity,
  platformOf,
  type SubtitleChoice,
  type YtDlpInfo,
} from './internal/yt-dlp.js';
import { mediaTypeOfExtension } from './media-file-types.js';
import type { MediaLoadOptions } from './media-options.js';
import { parseJson3 } from './parse-json3.js';
import { parseSrt } from './parse-srt.js';
import type { TranscriptCue } from './transcript-cue.js';

/**
 * Acquires a video or audio page (YouTube, Vimeo, a podcast episode, a direct media link: any
 * site yt-dlp supports) as Content of kind 'media'. yt-dlp reads the metadata (title, uploader,
 * duration, upload date, video id, platform); the media's own subtitles in the wanted language
 * are used when there are any (manual before automatic captions; json3, vtt or srt); otherwise
 * the audio is downloaded into a temporary directory and transcribed like `loadMediaFile` does.
 * With a `cache`, the transcript is kept under the platform and video id and a second load
 * downloads only the metadata. yt-dlp, ffmpeg and ffprobe run without a shell and are killed on
 * timeout or when `signal` fires. The URL is not checked against private addresses here: guard
 * it before calling when it comes from an untrusted user.
 *
 * @throws InputError MEDIA_URL_INVALID, MEDIA_UNAVAILABLE, MEDIA_PLAYLIST_NOT_SUPPORTED,
 *   MEDIA_LIVE_NOT_SUPPORTED, MEDIA_DECODE_FAILED, MEDIA_NO_AUDIO, MEDIA_NO_SPEECH,
 *   INVALID_TRANSCRIPT; ConfigError MEDIA_TOOL_MISSING, TRANSCRIBER_MISSING,
 *   INVALID_MEDIA_OPTIONS; StageError MEDIA_DOWNLOAD_FAILED, MEDIA_TOOL_TIMEOUT,
 *   TRANSCRIPTION_FAILED; the transcriber's own errors; CancelledError.
 */
export async function loadMediaUrl(url: URL, options: MediaLoadOptions = {}): Promise<Content> {
  const settings = mediaSettings(options);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      'MEDIA_URL_INVALID',
      `${url.href} is not an http(s) URL. Pass the web address of the video or audio.`,
      { details: { url: url.href } },
    );
  }
  const { signal } = options;
  throwIfAborted(signal, `Loading ${url.href}`);
  const scope = {
    paths: settings.paths,
    timeoutMs: settings.toolTimeoutMs,
    ...(signal === undefined ? {} : { signal }),
  };
  const directory = await mkdtemp(join(settings.temporaryDirectory, 'orch-media-'));
  try {
    const infoPath = join(directory, 'info.json');
    const info = await fetchMediaInfo(url, infoPath, scope);
    const key = mediaCacheKey(mediaIdentity(info, url), settings.language);
    const base = baseMetadata(info, url);

    const cached = await readTranscript(options.cache, key, settings.logger);
    if (cached !== undefined) {
      return mediaContent(cached.cues, {
        ...base,
        byteLength: 0,
        language: cached.language ?? base.language,
        durationSeconds: base.durationSeconds ?? cached.durationSeconds,
        acquiredAt: settings.now(),
      });
    }

    const choice = chooseSubtitles(info, settings.subtitleLanguage);
    if (choice !== undefined) {
      const subtitlesPath = await downloadSubtitles(url, infoPath, choice, directory, scope);
      const bytes = await readFile(subtitlesPath);
      const subtitles = parseSubtitles(decodeUtf8(bytes, subtitlesPath), choice);
      if (subtitles.cues.length > 0) {
        const language = subtitles.language ?? languageTag(choice.language.replace(/-orig$/i, ''));
        await storeTranscript(
          options.cache,
          key,
          {
            cues: subtitles.cues,
            ...(language === undefined ? {} : { language }),
            ...(base.durationSeconds === undefined
              ? {}
              : { durationSeconds: base.durationSeconds }),
            origin: 'subtitles',
          },
          settings.logger,
        );
        return mediaContent(subtitles.cues, {
          ...base,
          byteLength: bytes.length,
          language: language ?? base.language,
          acquiredAt: settings.now(),
        });
      }
    }

    if (options.transcriber === undefined) {
      throw transcriberMissing(
        `${url.href} has no ${settings.subtitleLanguage} subtitles, so its audio`,
      );
    }
    const audioPath = await downloadAudio(url, infoPath, directory, scope);
    throwIfAborted(signal, `Loading ${url.href}`);
    const transcript = await transcribeMedia(audioPath, options.transcriber, settings, signal);
    const durationSeconds = base.durationSeconds ?? transcript.durationSeconds;
    await storeTranscript(
      options.cache,
      key,
      {
        cues: transcript.cues,
        ...(transcript.language === undefined ? {} : { language: transcript.language }),
        ...(durationSeconds === undefined ? {} : { durationSeconds }),
        origin: 'transcription',
      },
      settings.logger,
    );
    return mediaContent(transcript.cues, {
      ...base,
      mediaType: mediaTypeOfExtension(extname(audioPath)) ?? base.mediaType,
      byteLength: (await stat(audioPath)).size,
      language: transcript.language ?? settings.language ?? base.language,
      durationSeconds,
      acquiredAt: settings.now(),
    });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

type BaseMetadata = Omit<ContentMetadataInput, 'byteLength' | 'acquiredAt'>;

function baseMetadata(info: YtDlpInfo, url: URL): BaseMetadata {
  const uploader = nonEmpty(info.uploader) ?? nonEmpty(info.channel);
  return {
    source: { type: 'url', location: url.href },
    mediaType: mediaTypeOfExtension(info.ext ?? '') ?? 'application/octet-stream',
    title: nonEmpty(info.title),
    author: uploader,
    uploader,
    publishedAt: publishedAtOf(info),
    platform: platformOf(info),
    videoId: nonEmpty(info.id),
    language: languageTag(info.language),
    durationSeconds:
      typeof info.duration === 'number' && Number.isFinite(info.duration) && info.duration >= 0
        ? info.duration
        : undefined,
  };
}

/** yt-dlp's `upload_date` (YYYYMMDD) as an ISO date (YYYY-MM-DD). */
function publishedAtOf(info: YtDlpInfo): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(info.upload_date ?? '');
  return match === null ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

function parseSubtitles(
  text: string,
  choice: SubtitleChoice,
): { cues: TranscriptCue[]; language?: string } {
  switch (choice.format) {
    case 'json3':
      return { cues: parseJson3(text) };
    case 'srt':
      return { cues: parseSrt(text) };
    case 'vtt': {
      const document = parseVttDocument(text);
      return {
        cues: document.cues,
        ...(document.language === undefined ? {} : { language: document.language }),
      };
    }
  }
}

function nonEmpty(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
