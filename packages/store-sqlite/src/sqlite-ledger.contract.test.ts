import { join } from 'node:path';
import { ledgerStoreContract } from '@orch/budget/testing';
import { temporaryDirectory } from './internal/test-support.js';
import { openSqliteLedger } from './open-sqlite-ledger.js';

ledgerStoreContract('SQLite file', async () => {
  const directory = temporaryDirectory();
  return {
    store: openSqliteLedger({ path: join(directory.path, 'orch.db') }),
    cleanup: async () => directory.remove(),
  };
});

ledgerStoreContract('SQLite in memory', async () => ({
  store: openSqliteLedger({ path: ':memory:' }),
}));
