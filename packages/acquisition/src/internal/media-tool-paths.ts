import { dirname, join } from 'node:path';

export type MediaToolName = 'yt-dlp' | 'ffmpeg' | 'ffprobe';

export interface ResolvedMediaToolPaths {
  ytDlp: string;
  ffmpeg: string;
  ffprobe: string;
}

/** The executables to run: the overrides, else the names looked up on PATH. */
export function resolveMediaToolPaths(paths: {
  ytDlpPath?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
}): ResolvedMediaToolPaths {
  const ffmpeg = nonEmpty(paths.ffmpegPath) ?? 'ffmpeg';
  const besideFfmpeg = ffmpeg.includes('/') || ffmpeg.includes('\\');
  return {
    ytDlp: nonEmpty(paths.ytDlpPath) ?? 'yt-dlp',
    ffmpeg,
    ffprobe:
      nonEmpty(paths.ffprobePath) ?? (besideFfmpeg ? join(dirname(ffmpeg), 'ffprobe') : 'ffprobe'),
  };
}

/** The command that installs a tool on Debian and Ubuntu. */
export function mediaToolFix(tool: MediaToolName): string {
  return tool === 'yt-dlp' ? 'sudo apt-get install yt-dlp' : 'sudo apt-get install ffmpeg';
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
