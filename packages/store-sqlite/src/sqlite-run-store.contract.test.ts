import { join } from 'node:path';
import { describeRunStoreContract } from '@orch/workflow-state/testing';
import { temporaryDirectory } from './internal/test-support.js';
import { openSqliteStore } from './open-sqlite-store.js';

describeRunStoreContract('SQLite file', async () => {
  const directory = temporaryDirectory();
  return {
    store: openSqliteStore({ path: join(directory.path, 'orch.db') }),
    cleanup: async () => directory.remove(),
  };
});

describeRunStoreContract('SQLite in memory', async () => ({
  store: openSqliteStore({ path: ':memory:' }),
}));
