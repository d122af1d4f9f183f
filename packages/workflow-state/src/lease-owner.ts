import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease owner id for this process: `${hostname}:${pid}:${random}`. */
export function createLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether the process behind a lease owner id may still be alive. Only a process on this host
 * can be checked (`process.kill(pid, 0)` failing with ESRCH means it is gone); owners on other
 * hosts, or ids in another format, count as alive until their lease expires.
 */
export function isLeaseOwnerAlive(owner: string): boolean {
  const parts = owner.split(':');
  if (parts.length < 3) return true;
  const pid = Number(parts.at(-2));
  const host = parts.slice(0, -2).join(':');
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
