export {
  type BreakerPolicy,
  breakerPolicySchema,
  DEFAULT_BREAKER_POLICY,
} from './breaker-policy.js';
export { BREAKER_STATES, type BreakerState, breakerStateSchema } from './breaker-state.js';
export { CallTimeoutError, type CallTimeoutErrorOptions } from './call-timeout-error.js';
export { CircuitOpenError, type CircuitOpenErrorOptions } from './circuit-open-error.js';
export { isRetryableError, shouldFallBack } from './classify-error.js';
export {
  createRecovery,
  type FallbackCall,
  type FallbackCandidate,
  type FallbackResult,
  type Recovery,
  type RecoveryCall,
  type RecoveryOperation,
  type RecoveryOptions,
} from './create-recovery.js';
export type {
  BreakerEvent,
  EscalateEvent,
  FallbackEvent,
  RecoveryEvent,
  RejectedEvent,
  RetryEvent,
  TimeoutEvent,
} from './recovery-event.js';
export {
  DEFAULT_RECOVERY_POLICY,
  type RecoveryPolicy,
  recoveryPolicySchema,
} from './recovery-policy.js';
export {
  type BreakerSnapshot,
  breakerSnapshotSchema,
  type RecoverySnapshot,
  recoverySnapshotSchema,
} from './recovery-snapshot.js';
export {
  type BreakerTransition,
  breakerTransitionSchema,
  type RecoveryStats,
  recoveryStatsSchema,
} from './recovery-stats.js';
