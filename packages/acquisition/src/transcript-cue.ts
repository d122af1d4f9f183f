/** One timed piece of a transcript: a subtitle cue or a JSON transcript segment. */
export interface TranscriptCue {
  /** When the cue starts, in seconds from the beginning of the media. */
  startSeconds: number;
  /** When the cue ends, in seconds from the beginning of the media. */
  endSeconds: number;
  /** The spoken text, markup stripped and whitespace collapsed to single spaces. */
  text: string;
  /** Who speaks, when the source says so (a WebVTT `<v Name>` tag, a JSON `speaker`). */
  speaker?: string;
}
