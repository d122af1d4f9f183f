import { DEPTHS, type Depth } from '@orch/core';

/** The given depth and every deeper one, in DEPTHS order. */
export function depthsFrom(first: Depth): readonly Depth[] {
  return Object.freeze(DEPTHS.slice(DEPTHS.indexOf(first)));
}
