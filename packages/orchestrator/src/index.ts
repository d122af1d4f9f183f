export {
  createOrchestrator,
  type Orchestrator,
  type OrchestratorOptions,
  type RunHandle,
  type RunOptions,
} from './create-orchestrator.js';
export { createHeuristicStages, type HeuristicStagesOptions } from './heuristic-stages.js';
export { type DagNode, type RunDagOptions, runDag } from './run-dag.js';
