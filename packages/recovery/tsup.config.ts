import { packageConfig } from '@orch/tsup-config';

export default packageConfig();
