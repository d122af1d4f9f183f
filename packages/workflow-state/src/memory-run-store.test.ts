import { describe, expect, it } from 'vitest';
import { createMemoryRunStore } from './memory-run-store.js';
import { createTestRun } from './testing/fixtures.js';
import { describeRunStoreContract } from './testing/run-store-contract.js';

describeRunStoreContract('memory', async () => ({ store: createMemoryRunStore() }));

describe('createMemoryRunStore', () => {
  it('stamps updatedAt with the injected clock', async () => {
    const store = createMemoryRunStore({ now: () => new Date('2025-05-05T05:05:05.000Z') });
    await store.createRun(createTestRun());
    await store.updateRun('run-1', { progress: 0.5 });
    expect((await store.getRun('run-1'))?.updatedAt).toBe('2025-05-05T05:05:05.000Z');
  });

  it('refuses to work after close with STORE_CLOSED', async () => {
    const store = createMemoryRunStore();
    await store.close();
    await expect(store.getRun('run-1')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });
});
