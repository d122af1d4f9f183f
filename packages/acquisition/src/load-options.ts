/** The largest file `loadFile` reads unless told otherwise: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Options of `loadSource` and `loadFile`. */
export interface LoadOptions {
  /** Files larger than this many bytes are refused before reading; default `DEFAULT_MAX_BYTES`. */
  maxBytes?: number;
  /** Stops the load; a fired signal makes it throw `CancelledError`. */
  signal?: AbortSignal;
  /** The clock used for `metadata.acquiredAt`; default `() => new Date()`. */
  now?: () => Date;
}
