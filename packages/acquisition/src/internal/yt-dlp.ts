import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, StageError } from '@orch/core';
import type { ToolRunScope } from './ffmpeg.js';
import { lastStderrLine, runTool } from './run-tool.js';

/** The fields of yt-dlp's `--dump-single-json` that media acquisition reads. */
export interface YtDlpInfo {
  _type?: string;
  id?: string;
  title?: string;
  uploader?: string;
  channel?: string;
  duration?: number;
  upload_date?: string;
  timestamp?: number;
  extractor?: string;
  extractor_key?: string;
  webpage_url?: string;
  ext?: string;
  is_live?: boolean;
  language?: string;
  subtitles?: Record<string, SubtitleFormat[]>;
  automatic_captions?: Record<string, SubtitleFormat[]>;
}

interface SubtitleFormat {
  ext?: string;
  url?: string;
}

export type SubtitleFormatName = 'json3' | 'vtt' | 'srt';

/** The subtitle track to download: manual before automatic, json3 before vtt before srt. */
export interface SubtitleChoice {
  automatic: boolean;
  /** The track's key in yt-dlp's info (`en`, `en-US`, `en-orig`). */
  language: string;
  format: SubtitleFormatName;
}

const FORMAT_PREFERENCE: readonly SubtitleFormatName[] = ['json3', 'vtt', 'srt'];

/** Generic extractors name media by file name, which is not unique across sites. */
const GENERIC_EXTRACTORS = new Set(['generic', 'html5']);

const COMMON_ARGUMENTS = ['--no-progress', '--no-color', '--socket-timeout', '30'];

/** Runs `yt-dlp --dump-single-json` and writes the info to `infoPath` for the later runs. */
export async function fetchMediaInfo(
  url: URL,
  infoPath: string,
  scope: ToolRunScope,
): Promise<YtDlpInfo> {
  const run = await runTool(
    'yt-dlp',
    scope.paths.ytDlp,
    [...COMMON_ARGUMENTS, '--dump-single-json', '--skip-download', '--no-playlist', '--', url.href],
    runOptions(scope),
  );
  if (run.exitCode !== 0) throw ytDlpFailed(url, 'read the media information', run.stderr);
  let info: unknown;
  try {
    info = JSON.parse(run.stdout);
  } catch {
    throw ytDlpFailed(url, 'read the media information', 'it printed no JSON');
  }
  if (typeof info !== 'object' || info === null) {
    throw ytDlpFailed(url, 'read the media information', 'it printed no media information');
  }
  const media = info as YtDlpInfo;
  if (media._type === 'playlist' || media._type === 'multi_video') {
    throw new InputError(
      'MEDIA_PLAYLIST_NOT_SUPPORTED',
      `${url.href} is a playlist or channel, not a single video. Pass the URL of one video.`,
      { details: { url: url.href } },
    );
  }
  if (media.is_live === true) {
    throw new InputError(
      'MEDIA_LIVE_NOT_SUPPORTED',
      `${url.href} is a live stream. Analyse it once the recording is available.`,
      { details: { url: url.href } },
    );
  }
  await writeFile(infoPath, run.stdout, 'utf8');
  return media;
}

/** The identity of the media for the transcript cache: `extractor:id`, or the page URL. */
export function mediaIdentity(info: YtDlpInfo, url: URL): string {
  const platform = platformOf(info);
  if (platform === undefined || info.id === undefined || GENERIC_EXTRACTORS.has(platform)) {
    return `url:${info.webpage_url ?? url.href}${info.id === undefined ? '' : `#${info.id}`}`;
  }
  return `${platform}:${info.id}`;
}

/** The platform yt-dlp recognised (`youtube`, `vimeo`, `generic`), lower case. */
export function platformOf(info: YtDlpInfo): string | undefined {
  const name = info.extractor ?? info.extractor_key;
  return name === undefined || name.trim() === '' ? undefined : name.trim().toLowerCase();
}

/** Picks a subtitle track for `language`: manual subtitles first, then automatic captions. */
export function chooseSubtitles(info: YtDlpInfo, language: string): SubtitleChoice | undefined {
  return (
    pickTrack(info.subtitles, language, false) ?? pickTrack(info.automatic_captions, language, true)
  );
}

function pickTrack(
  tracks: Record<string, SubtitleFormat[]> | undefined,
  language: string,
  automatic: boolean,
): SubtitleChoice | undefined {
  if (tracks === undefined || tracks === null) return undefined;
  const wanted = language.toLowerCase();
  const keys = Object.keys(tracks).filter((key) => key !== 'live_chat');
  // An exact match first, then regional variants and YouTube's "-orig" original-language track.
  const ordered = [
    ...keys.filter((key) => key.toLowerCase() === wanted),
    ...keys.filter((key) => key.toLowerCase() === `${wanted}-orig`),
    ...keys.filter((key) => {
      const lower = key.toLowerCase();
      return (
        lower !== `${wanted}-orig` &&
        (lower.startsWith(`${wanted}-`) || lower.startsWith(`${wanted}_`))
      );
    }),
  ];
  for (const key of ordered) {
    const available = new Set((tracks[key] ?? []).map((format) => format.ext));
    const format = FORMAT_PREFERENCE.find((name) => available.has(name));
    if (format !== undefined) return { automatic, language: key, format };
  }
  return undefined;
}

/** Downloads the chosen subtitle track into `directory`; returns the file's path. */
export async function downloadSubtitles(
  url: URL,
  infoPath: string,
  choice: SubtitleChoice,
  directory: string,
  scope: ToolRunScope,
): Promise<string> {
  const run = await runTool(
    'yt-dlp',
    scope.paths.ytDlp,
    [
      ...COMMON_ARGUMENTS,
      '--load-info-json',
      infoPath,
      '--skip-download',
      choice.automatic ? '--write-auto-subs' : '--write-subs',
      '--sub-langs',
      escapeRegExp(choice.language),
      '--sub-format',
      choice.format,
      '-P',
      directory,
      '-o',
      'subtitles.%(ext)s',
    ],
    runOptions(scope),
  );
  if (run.exitCode !== 0) throw ytDlpFailed(url, 'download the subtitles', run.stderr);
  const names = await readdir(directory);
  const name = names.find(
    (file) => file.startsWith('subtitles.') && file.endsWith(`.${choice.format}`),
  );
  if (name === undefined) {
    throw ytDlpFailed(
      url,
      'download the subtitles',
      lastStderrLine(run.stderr) ?? 'no file was written',
    );
  }
  return join(directory, name);
}

/** Downloads the best audio (or the whole media when there is no audio-only format). */
export async function downloadAudio(
  url: URL,
  infoPath: string,
  directory: string,
  scope: ToolRunScope,
): Promise<string> {
  const ffmpegLocation =
    scope.paths.ffmpeg === 'ffmpeg' ? [] : ['--ffmpeg-location', scope.paths.ffmpeg];
  const run = await runTool(
    'yt-dlp',
    scope.paths.ytDlp,
    [
      ...COMMON_ARGUMENTS,
      ...ffmpegLocation,
      '--load-info-json',
      infoPath,
      '-f',
      'bestaudio/best',
      '-P',
      directory,
      '-o',
      'audio.%(ext)s',
    ],
    runOptions(scope),
  );
  if (run.exitCode !== 0) throw ytDlpFailed(url, 'download the audio', run.stderr);
  const names = await readdir(directory);
  const name = names.find(
    (file) => file.startsWith('audio.') && !file.endsWith('.part') && !file.endsWith('.ytdl'),
  );
  if (name === undefined) {
    throw ytDlpFailed(
      url,
      'download the audio',
      lastStderrLine(run.stderr) ?? 'no file was written',
    );
  }
  return join(directory, name);
}

function runOptions(scope: ToolRunScope): { timeoutMs: number; signal?: AbortSignal } {
  return {
    timeoutMs: scope.timeoutMs,
    ...(scope.signal === undefined ? {} : { signal: scope.signal }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What yt-dlp says when the URL itself is the problem: retrying will not help. */
const UNAVAILABLE_PATTERN =
  /HTTP Error (?:400|401|403|404|410|451)|Unsupported URL|Video unavailable|Private video|is not available|members-only|Sign in to confirm/i;

/**
 * InputError MEDIA_UNAVAILABLE when yt-dlp says the media cannot be had (missing, private,
 * unsupported), else the retryable StageError MEDIA_DOWNLOAD_FAILED; both quote yt-dlp's last
 * error line.
 */
function ytDlpFailed(url: URL, action: string, stderrOrReason: string): InputError | StageError {
  const said = lastStderrLine(stderrOrReason) ?? 'it gave no reason';
  const details = { url: url.href, stderr: said };
  if (UNAVAILABLE_PATTERN.test(said)) {
    return new InputError(
      'MEDIA_UNAVAILABLE',
      `yt-dlp could not ${action} of ${url.href}: ${said}. Check that the URL opens in a browser without signing in and points to a single video.`,
      { details },
    );
  }
  return new StageError(
    'MEDIA_DOWNLOAD_FAILED',
    `yt-dlp could not ${action} of ${url.href}: ${said}. Retry; if it keeps failing, update yt-dlp (the site may have changed).`,
    { retryable: true, details },
  );
}
