import { defineConfig } from 'vitest/config';

// End-to-end tests start the built binary as a subprocess, several per test.
export default defineConfig({ test: { testTimeout: 60_000 } });
