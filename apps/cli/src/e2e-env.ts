/** The variables that point orch at a model endpoint or a config file. */
const ENDPOINT_VARIABLES = [
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'ORCH_MODEL',
  'ORCH_CONFIG',
  'ORCH_TRANSCRIPTION_MODEL',
] as const;

/**
 * The environment for a spawned `orch` in end-to-end tests: the test process's own, minus any
 * model endpoint of the developer's shell (tests never reach a real provider), plus `extra`.
 */
export function e2eEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ENDPOINT_VARIABLES) delete env[name];
  return { ...env, ...extra };
}
