export { createTestCheckpoint, createTestReport, createTestRun } from './fixtures.js';
export { describeRunStoreContract, type RunStoreUnderTest } from './run-store-contract.js';
