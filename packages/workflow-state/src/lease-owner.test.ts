import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLeaseOwner, isLeaseOwnerAlive } from './lease-owner.js';

describe('createLeaseOwner', () => {
  it('names this host and process, with a random suffix', () => {
    const owner = createLeaseOwner();
    expect(owner.startsWith(`${hostname()}:${process.pid}:`)).toBe(true);
    expect(owner).toMatch(/:[a-f0-9]{8}$/);
    expect(createLeaseOwner()).not.toBe(owner);
  });
});

describe('isLeaseOwnerAlive', () => {
  it('reports a process of this host that has exited as dead', () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.pid).toBeGreaterThan(0);
    expect(isLeaseOwnerAlive(`${hostname()}:${child.pid}:deadbeef`)).toBe(false);
  });

  it('reports running processes of this host as alive', () => {
    expect(isLeaseOwnerAlive(createLeaseOwner())).toBe(true);
    expect(isLeaseOwnerAlive(`${hostname()}:${process.ppid}:cafebabe`)).toBe(true);
  });

  it('cannot check other hosts or foreign ids, so treats them as alive', () => {
    const child = spawnSync(process.execPath, ['-e', '']);
    expect(isLeaseOwnerAlive(`another-host.example:${child.pid}:deadbeef`)).toBe(true);
    expect(isLeaseOwnerAlive('worker-7')).toBe(true);
  });
});
