/**
 * Matches a subtitle timestamp: optional hours, minutes, seconds and a fraction after `.` or `,`
 * (`01:02:03.456`, `02:03,456`, `1:02:03.4`). Groups: hours, minutes, seconds, fraction.
 */
export const TIMESTAMP_SOURCE = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})`;

const TIMING_LINE = new RegExp(String.raw`^\s*${TIMESTAMP_SOURCE}\s*-->\s*${TIMESTAMP_SOURCE}`);

export interface CueTiming {
  startSeconds: number;
  endSeconds: number;
}

function toSeconds(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  fraction: string | undefined,
): number {
  const total =
    Number(hours ?? '0') * 3600 +
    Number(minutes ?? '0') * 60 +
    Number(seconds ?? '0') +
    Number(`0.${fraction ?? '0'}`);
  return Math.round(total * 1000) / 1000;
}

/** Parses a `start --> end` line (anything after the end time, like cue settings, is ignored). */
export function parseTimingLine(line: string): CueTiming | undefined {
  const match = TIMING_LINE.exec(line);
  if (match === null) return undefined;
  const startSeconds = toSeconds(match[1], match[2], match[3], match[4]);
  const endSeconds = toSeconds(match[5], match[6], match[7], match[8]);
  return { startSeconds, endSeconds: Math.max(startSeconds, endSeconds) };
}

/** True for lines that contain a cue timing arrow, even a malformed one. */
export function isTimingLine(line: string): boolean {
  return line.includes('-->');
}
