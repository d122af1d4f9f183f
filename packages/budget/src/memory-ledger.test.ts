import { describe, expect, it } from 'vitest';
import { createMemoryLedger } from './memory-ledger.js';
import { ledgerStoreContract } from './testing/ledger-store-contract.js';

ledgerStoreContract('memory', async () => ({ store: createMemoryLedger() }));

describe('createMemoryLedger', () => {
  it('keeps each ledger apart', async () => {
    const first = createMemoryLedger();
    const second = createMemoryLedger();
    await first.reserve({
      id: 'a',
      tenant: 't',
      runId: 'r',
      stage: 's',
      model: 'm',
      amountUsd: 1,
      priceKnown: true,
      at: new Date('2025-01-01T00:00:00Z'),
    });
    expect(await second.entries()).toEqual([]);
    expect(await first.entries()).toHaveLength(1);
  });
});
