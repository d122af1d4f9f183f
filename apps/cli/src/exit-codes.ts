/** The process exit codes of `orch`; scripts may rely on them. */
export const EXIT_CODES = {
  /** The run finished (completed or degraded) and the report was delivered. */
  done: 0,
  /** The run failed (a required stage failed, or the report could not be built). */
  runFailed: 1,
  /** Bad usage or bad input: unknown option, missing file, unknown depth or format. */
  usage: 2,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
