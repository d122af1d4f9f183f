import { packageConfig } from '@orch/tsup-config';

export default packageConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  external: ['vitest'],
});
