export { type LedgerStoreUnderTest, ledgerStoreContract } from './ledger-store-contract.js';
