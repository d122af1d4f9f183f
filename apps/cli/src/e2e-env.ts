import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The variables that point orch at a model endpoint or a config file. */
const ENDPOINT_VARIABLES = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'ORCH_MODEL',
  'ORCH_CONFIG',
  'ORCH_TRANSCRIPTION_MODEL',
] as const;

/**
 * The environment for a spawned `orch` in end-to-end tests: the test process's own, minus any
 * model endpoint of the developer's shell (tests never reach a real provider), plus `extra`.
 */
export function e2eEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ENDPOINT_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** What a spawned `orch` did: its exit code (null when killed), output, and whether it was killed. */
export interface OrchOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the process ran past its timeout and was killed (a hang). */
  killed: boolean;
}

const BIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const run = promisify(execFile);

/**
 * Runs the built binary without blocking this process (which may serve the fakes it talks to),
 * with `e2eEnv(env)`; never throws for a failing exit.
 */
export async function runOrch(
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<OrchOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: e2eEnv(options.env),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr, killed: false };
  } catch (error) {
    const failed = error as { code?: unknown; killed?: boolean; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : null,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
      killed: failed.killed === true,
    };
  }
}
