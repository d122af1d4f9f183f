/** One timed piece of speech as a transcriber returns it, times relative to the audio it got. */
export interface TranscribedSegment {
  /** Seconds from the start of the transcribed audio. */
  startSeconds: number;
  /** Seconds from the start of the transcribed audio. */
  endSeconds: number;
  text: string;
  /** Who speaks, when the transcriber tells speakers apart. */
  speaker?: string;
}

/** What a transcriber is asked to transcribe: one audio file on disk. */
export interface TranscriberInput {
  /** The audio file (mono 16 kHz MP3 when it comes from loadMediaFile or loadMediaUrl). */
  path: string;
  /** Stops the transcription; the transcriber should reject with CancelledError. */
  signal?: AbortSignal;
  /** The spoken language as an ISO 639-1 code (`en`), when known; otherwise detected. */
  language?: string;
}

/** The transcript of one audio file. */
export interface TranscriberResult {
  segments: TranscribedSegment[];
  /** The language the transcriber detected or was told. */
  language?: string;
}

/**
 * The transcription port: turns one audio file into timed segments. `createTranscriber` of
 * @orch/llm implements it over an OpenAI-compatible `/v1/audio/transcriptions` endpoint; any
 * function of this shape (a local whisper, a test double) works too.
 */
export type Transcriber = (input: TranscriberInput) => Promise<TranscriberResult>;
