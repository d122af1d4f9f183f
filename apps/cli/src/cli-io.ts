/** What the CLI touches of the outside world, so tests can run it in-process too. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (live progress) or a pipe or file (plain lines). */
  readonly stderrIsTty: boolean;
  /** The terminal's width when stderr is one. */
  readonly stderrColumns?: number | undefined;
  readonly cwd: string;
  /** Environment variables (ORCH_DATA_DIR, ...). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Fires on Ctrl-C. */
  readonly signal: AbortSignal;
}
