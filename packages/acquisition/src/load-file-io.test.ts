import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@orch/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectionOf } from './internal/test-expectations.js';
import { loadFile } from './load-file.js';

// readFile is wrapped to count reads and to simulate a permission failure (root reads any file
// whatever its mode, so chmod cannot be used to test it).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    readFile: vi.fn(async (...args: Parameters<typeof actual.readFile>) => {
      if (String(args[0]).endsWith('locked.txt')) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), {
          code: 'EACCES',
          errno: -13,
          syscall: 'open',
        });
      }
      return actual.readFile(...args);
    }),
  };
});

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'orch-acquisition-permissions-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

function readsOf(path: string): number {
  return vi.mocked(readFile).mock.calls.filter((call) => String(call[0]) === path).length;
}

describe('loadFile: file access', () => {
  it('FILE_NOT_READABLE when the file cannot be opened for reading', async () => {
    const path = join(directory, 'locked.txt');
    await writeFile(path, 'Secret text.');
    const error = await rejectionOf(loadFile(path));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('FILE_NOT_READABLE');
    expect(error.message).toContain(path);
    expect(error.message).toContain('permission denied');
    expect(error.message).toContain('chmod');
  });

  it('reads a file exactly once', async () => {
    const path = join(directory, 'open.txt');
    await writeFile(path, 'Open text.');
    await expect(loadFile(path)).resolves.toMatchObject({ text: 'Open text.' });
    expect(readsOf(path)).toBe(1);
  });

  it('refuses an oversized file from its size alone, without reading it', async () => {
    const path = join(directory, 'oversized.txt');
    await writeFile(path, '');
    await truncate(path, 1024);
    const error = await rejectionOf(loadFile(path, { maxBytes: 1000 }));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(readsOf(path)).toBe(0);
  });
});
