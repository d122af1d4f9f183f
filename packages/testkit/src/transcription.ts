/** What the transcription handler learns about a `/v1/audio/transcriptions` request. */
export interface TranscriptionRequest {
  /** The text fields of the multipart form (`model`, `response_format`, `language`...). */
  fields: Record<string, string>;
  /** The size of the uploaded file. */
  fileBytes: number;
  /** The file name the client sent, when it sent one. */
  fileName?: string;
}

/** The transcript a transcription handler returns. */
export interface TranscriptionReply {
  text: string;
  language?: string;
  /** Seconds. */
  duration?: number;
  segments?: { start: number; end: number; text: string }[];
}

/** Computes the transcript of one transcription request. */
export type TranscriptionHandler = (
  request: TranscriptionRequest,
) => TranscriptionReply | Promise<TranscriptionReply>;
