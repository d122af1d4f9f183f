import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkMediaTools } from '@orch/acquisition';
import { ConfigError, toOrchError } from '@orch/core';
import { checkEndpoint, resolveLlmConfig } from '@orch/llm';
import { openSqliteStore, resolveDataDir } from '@orch/store-sqlite';
import type { CliIo } from './cli-io.js';
import { loadOrchConfig } from './orch-config.js';

export interface DoctorOptions {
  readonly json: boolean;
  readonly config?: string;
}

/** One line of the doctor's answer. `warn` is not a failure (e.g. no model configured). */
interface Check {
  readonly name: string;
  readonly status: 'ok' | 'warn' | 'fail';
  readonly detail: string;
  readonly fix?: string;
}

const MARKS = { ok: '✓', warn: '!', fail: '✗' } as const;

async function checkDataDir(io: CliIo): Promise<Check> {
  const dataDir = resolveDataDir(io.env);
  const name = 'data directory';
  try {
    await mkdir(dataDir, { recursive: true });
    const probe = join(dataDir, `.doctor-${randomUUID()}`);
    await writeFile(probe, 'ok');
    await rm(probe);
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${dataDir} is not writable (${(error as Error).message})`,
      fix: `Make ${dataDir} writable, or point ORCH_DATA_DIR at a directory you own.`,
    };
  }
  try {
    const store = openSqliteStore({ dataDir });
    try {
      await store.listRuns({ limit: 1 });
    } finally {
      await store.close();
    }
  } catch (error) {
    const problem = toOrchError(error);
    return { name, status: 'fail', detail: problem.message, fix: 'Follow the advice above.' };
  }
  return { name, status: 'ok', detail: `${dataDir} (writable, run database opens)` };
}

async function checkModel(io: CliIo, configPath: string | undefined): Promise<Check[]> {
  let file: Awaited<ReturnType<typeof loadOrchConfig>>;
  try {
    file = await loadOrchConfig(io, configPath);
  } catch (error) {
    const problem = toOrchError(error);
    return [
      {
        name: 'config file',
        status: 'fail',
        detail: problem.message,
        fix: 'Fix the file, or pass another with --config.',
      },
    ];
  }
  const checks: Check[] = [
    {
      name: 'config file',
      status: 'ok',
      detail: file.path ?? 'none (flags, environment and defaults only)',
    },
  ];
  let config: ReturnType<typeof resolveLlmConfig>;
  try {
    config = resolveLlmConfig({
      env: io.env,
      ...(file.config.llm ? { file: file.config.llm } : {}),
    });
  } catch (error) {
    checks.push({ name: 'model endpoint', status: 'fail', detail: toOrchError(error).message });
    return checks;
  }
  if (config === null) {
    checks.push({
      name: 'model endpoint',
      status: 'warn',
      detail:
        'none configured: analyses run offline with heuristics (no fact checks, no transcription)',
      fix: 'Set OPENAI_API_KEY (OpenAI, OpenRouter) or OPENAI_BASE_URL (Ollama, vLLM) to use a model.',
    });
    return checks;
  }
  const answer = await checkEndpoint(config);
  if (!answer.reachable) {
    checks.push({
      name: 'model endpoint',
      status: 'fail',
      detail: answer.problem ?? `${answer.endpoint} did not answer`,
      fix: 'Check OPENAI_BASE_URL / --base-url, the API key, and that the server is running.',
    });
  } else if (answer.missingModels.length > 0) {
    checks.push({
      name: 'model endpoint',
      status: 'fail',
      detail: `${answer.endpoint} answers but does not list ${answer.missingModels.join(', ')}`,
      fix: `Pick a model it lists (${answer.models.slice(0, 5).join(', ')}${answer.models.length > 5 ? ', …' : ''}) with --model, ORCH_MODEL or the config file, or pull the model on the server.`,
    });
  } else {
    checks.push({
      name: 'model endpoint',
      status: 'ok',
      detail: `${answer.endpoint} answers; ${config.model} is available`,
    });
  }
  return checks;
}

/**
 * `orch doctor`: checks the data directory, ffmpeg, ffprobe, yt-dlp, the config file and the
 * model endpoint, and prints the fix for each failure.
 *
 * @throws ConfigError DOCTOR_CHECKS_FAILED (exit 1) when any check failed.
 */
export async function doctorCommand(options: DoctorOptions, io: CliIo): Promise<void> {
  const media = await checkMediaTools();
  const checks: Check[] = [
    await checkDataDir(io),
    ...media.map(
      (tool): Check => ({
        name: tool.tool,
        status: tool.found ? 'ok' : 'fail',
        detail: tool.found
          ? (tool.version ?? 'installed')
          : `not installed: ${tool.tool === 'yt-dlp' ? 'audio/video URLs' : 'audio and video'} cannot be analysed`,
        ...(tool.fix === undefined ? {} : { fix: tool.fix }),
      }),
    ),
    ...(await checkModel(io, options.config)),
  ];
  if (options.json) {
    io.stdout(`${JSON.stringify({ checks }, null, 2)}\n`);
  } else {
    for (const check of checks) {
      io.stdout(`${MARKS[check.status]} ${check.name.padEnd(15)} ${check.detail}\n`);
      if (check.fix && check.status !== 'ok') io.stdout(`  fix: ${check.fix}\n`);
    }
  }
  const failed = checks.filter((check) => check.status === 'fail');
  if (failed.length > 0) {
    throw new ConfigError(
      'DOCTOR_CHECKS_FAILED',
      `${failed.length} check${failed.length === 1 ? '' : 's'} failed (${failed.map((check) => check.name).join(', ')}); apply the fixes above and run orch doctor again.`,
    );
  }
}
