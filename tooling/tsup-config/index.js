import { defineConfig } from 'tsup';

/**
 * The one tsup setup every package builds with: ESM, type declarations, sourcemaps, Node 20.
 * @param {import('tsup').Options} [overrides]
 */
export function packageConfig(overrides = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}
