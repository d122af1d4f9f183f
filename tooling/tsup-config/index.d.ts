import type { Options } from 'tsup';
export declare function packageConfig(
  overrides?: Options,
): ReturnType<typeof import('tsup').defineConfig>;
