import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMediaTools } from './media-tools.js';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-media-tools-test-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('checkMediaTools', { timeout: 30_000 }, () => {
  it('reports the installed yt-dlp, ffmpeg and ffprobe with their versions', async () => {
    const statuses = await checkMediaTools();
    expect(statuses.map((status) => status.tool)).toEqual(['yt-dlp', 'ffmpeg', 'ffprobe']);
    for (const status of statuses) {
      expect(status.found).toBe(true);
      expect(status.version).toMatch(/\d/);
      expect(status.fix).toBeUndefined();
    }
    expect(statuses[0]?.version).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
  });

  it('reports missing tools with the command that installs them', async () => {
    const statuses = await checkMediaTools({
      ytDlpPath: join(directory, 'yt-dlp'),
      ffmpegPath: join(directory, 'ffmpeg'),
    });
    expect(statuses).toEqual([
      { tool: 'yt-dlp', found: false, fix: 'sudo apt-get install yt-dlp' },
      { tool: 'ffmpeg', found: false, fix: 'sudo apt-get install ffmpeg' },
      // ffprobe is looked for beside the ffmpeg that was given.
      { tool: 'ffprobe', found: false, fix: 'sudo apt-get install ffmpeg' },
    ]);
  });

  it('counts a tool that fails its version question as not found', async () => {
    const broken = join(directory, 'yt-dlp');
    await writeFile(broken, '#!/bin/sh\necho "Traceback: broken install" >&2\nexit 1\n');
    await chmod(broken, 0o755);
    const [ytDlp] = await checkMediaTools({ ytDlpPath: broken });
    expect(ytDlp).toEqual({ tool: 'yt-dlp', found: false, fix: 'sudo apt-get install yt-dlp' });
  });
});
