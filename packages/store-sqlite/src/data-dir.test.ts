import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_FILE, resolveDataDir } from './data-dir.js';

describe('resolveDataDir', () => {
  it('uses ORCH_DATA_DIR when it is set', () => {
    expect(resolveDataDir({ ORCH_DATA_DIR: '/srv/orch' })).toBe('/srv/orch');
  });

  it('falls back to ~/.orch when ORCH_DATA_DIR is unset or blank', () => {
    expect(resolveDataDir({})).toBe(join(homedir(), '.orch'));
    expect(resolveDataDir({ ORCH_DATA_DIR: '  ' })).toBe(join(homedir(), '.orch'));
  });

  it('names the database file orch.db', () => {
    expect(DEFAULT_DATABASE_FILE).toBe('orch.db');
  });
});
