export interface TimedNode<Id extends string> {
  readonly id: Id;
  readonly predecessors: readonly Id[];
  readonly level: number;
  readonly earliestStartMs: number;
  readonly earliestFinishMs: number;
}

/**
 * The longest path of a DAG whose nodes come in topological order, from a root to a sink.
 * Ties are broken deterministically: the deeper node (higher level, so zero-length stages on
 * the way stay on the path) first, then the earlier one in the given order.
 */
export function criticalPath<Id extends string>(nodes: readonly TimedNode<Id>[]): Id[] {
  const byId = new Map(nodes.map((node, index) => [node.id, { node, index }]));
  const better = (candidate: Id, best: Id | undefined): boolean => {
    if (best === undefined) return true;
    const a = byId.get(candidate)!;
    const b = byId.get(best)!;
    if (a.node.earliestFinishMs !== b.node.earliestFinishMs) {
      return a.node.earliestFinishMs > b.node.earliestFinishMs;
    }
    if (a.node.level !== b.node.level) return a.node.level > b.node.level;
    return a.index < b.index;
  };

  let sink: Id | undefined;
  for (const node of nodes) if (better(node.id, sink)) sink = node.id;
  const path: Id[] = [];
  let current = sink;
  while (current !== undefined) {
    path.push(current);
    const { node } = byId.get(current)!;
    let previous: Id | undefined;
    for (const id of node.predecessors) {
      if (byId.get(id)!.node.earliestFinishMs !== node.earliestStartMs) continue;
      if (better(id, previous)) previous = id;
    }
    current = previous;
  }
  return path.reverse();
}
