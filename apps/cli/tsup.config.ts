import { packageConfig } from '@orch/tsup-config';

export default packageConfig({
  entry: ['src/main.ts'],
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
});
