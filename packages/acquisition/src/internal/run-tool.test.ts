import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastStderrLine, runTool } from './run-tool.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-run-tool-test-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForFile(path: string): Promise<void> {
  for (;;) {
    if (
      await stat(path).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('runTool', { timeout: 30_000 }, () => {
  it('returns the exit code and output of the tool, without a shell', async () => {
    const run = await runTool(
      'ffmpeg',
      'sh',
      ['-c', 'echo "$1"; echo oops >&2; exit 3', 'sh', '$HOME; rm -rf /'],
      {
        timeoutMs: 30_000,
      },
    );
    expect(run).toEqual({ exitCode: 3, stdout: '$HOME; rm -rf /\n', stderr: 'oops\n' });
  });

  it('kills the tool and the processes it started when the signal fires', async () => {
    const pidFile = join(directory, 'grandchild.pid');
    const controller = new AbortController();
    const running = runTool(
      'yt-dlp',
      'sh',
      ['-c', 'sleep 60 & echo $! > "$1"; wait', 'sh', pidFile],
      { timeoutMs: 60_000, signal: controller.signal },
    );
    await waitForFile(pidFile);
    const grandchild = Number((await readFile(pidFile, 'utf8')).trim());
    expect(isRunning(grandchild)).toBe(true);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
    for (let attempt = 0; attempt < 100 && isRunning(grandchild); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(isRunning(grandchild)).toBe(false);
  });

  it('stops a tool that runs past its timeout with MEDIA_TOOL_TIMEOUT', async () => {
    await expect(runTool('ffmpeg', 'sleep', ['60'], { timeoutMs: 100 })).rejects.toMatchObject({
      code: 'MEDIA_TOOL_TIMEOUT',
      retryable: true,
    });
  });

  it('throws MEDIA_TOOL_MISSING for an executable that does not exist', async () => {
    await expect(
      runTool('ffprobe', join(directory, 'ffprobe'), ['-version'], { timeoutMs: 1000 }),
    ).rejects.toMatchObject({ code: 'MEDIA_TOOL_MISSING', details: { tool: 'ffprobe' } });
  });
});

describe('lastStderrLine', () => {
  it("picks yt-dlp's ERROR line and drops its bug-report request", () => {
    const stderr = [
      'WARNING: [generic] Falling back on generic information extractor',
      'ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404>); please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the template',
      'some trailing noise',
      '',
    ].join('\n');
    expect(lastStderrLine(stderr)).toBe(
      'ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404>)',
    );
    expect(lastStderrLine('first\nInvalid data found when processing input\n')).toBe(
      'Invalid data found when processing input',
    );
    expect(lastStderrLine('  \n')).toBeUndefined();
  });
});
