/** A node of the DAG: it may start once every `dependsOn` and `after` node has settled. */
export interface DagNode<Id extends string> {
  readonly id: Id;
  /** Must have succeeded; when one did not, the node is blocked instead of run. */
  readonly dependsOn: readonly Id[];
  /** Ordering only: waited for, but their failure does not block the node. */
  readonly after: readonly Id[];
}

export interface RunDagOptions<Id extends string, R> {
  /** In priority order: among ready nodes, earlier ones start first. */
  readonly nodes: readonly DagNode<Id>[];
  /** Most nodes running at once (at least 1). */
  readonly concurrency: number;
  /** When it fires, nothing new starts; unstarted nodes settle through `blocked`. */
  readonly signal?: AbortSignal;
  /** Nodes already settled (a resumed run): never executed again. */
  readonly settled?: ReadonlyMap<Id, R>;
  /** Runs one node. Must not reject: turn failures into a result. */
  execute(id: Id): Promise<R>;
  /** The result of a node that will not run, and why. */
  blocked(id: Id, reason: string): R;
  isSuccess(result: R): boolean;
}

/**
 * A ready-queue executor: each node starts the moment its predecessors have settled (no
 * lock-step levels), with at most `concurrency` running. Resolves with every node's result,
 * in `nodes` order, once all have settled. Waiting on an unknown node or a cycle never hangs:
 * such nodes settle as blocked.
 */
export function runDag<Id extends string, R>(options: RunDagOptions<Id, R>): Promise<Map<Id, R>> {
  const { nodes, signal } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const settled = new Map<Id, R>(options.settled);
  const pending = new Set<Id>(nodes.map((node) => node.id).filter((id) => !settled.has(id)));
  let running = 0;

  return new Promise((resolve) => {
    const settle = (id: Id, result: R): void => {
      settled.set(id, result);
      pending.delete(id);
    };

    const startReady = (): boolean => {
      for (const node of nodes) {
        if (!pending.has(node.id)) continue;
        if (signal?.aborted) {
          settle(node.id, options.blocked(node.id, 'the run stopped before this stage started'));
          return true;
        }
        if (![...node.dependsOn, ...node.after].every((id) => settled.has(id))) continue;
        const unmet = node.dependsOn.find((id) => !options.isSuccess(settled.get(id) as R));
        if (unmet !== undefined) {
          settle(node.id, options.blocked(node.id, `it needs "${unmet}", which did not succeed`));
          return true;
        }
        if (running >= concurrency) return false;
        pending.delete(node.id);
        running++;
        void options.execute(node.id).then((result) => {
          running--;
          settle(node.id, result);
          schedule();
        });
        return true;
      }
      return false;
    };

    const schedule = (): void => {
      while (startReady()) {}
      if (running > 0) return;
      for (const id of pending) {
        settle(id, options.blocked(id, 'it waits on a stage that can never finish (a cycle)'));
      }
      resolve(new Map(nodes.map((node) => [node.id, settled.get(node.id) as R])));
    };

    signal?.addEventListener('abort', schedule, { once: true });
    schedule();
  });
}
