/** Cost of the segment of observations [start, end). Must be additive-friendly: C(a,b) + C(b,c) ≤ C(a,c). */
export type SegmentCost = (start: number, end: number) => number;

export interface PeltOptions {
  /** Added once per segment; the price a change point must pay for itself. */
  penalty: number;
  /** Fewest observations in any segment (≥ 1). */
  minSegmentLength: number;
  /** How much a split may cost more than the whole: C(a,b) + C(b,c) ≤ C(a,c) + margin (Killick et al.'s K = −margin). Default 0. */
  pruneMargin?: number;
}

/**
 * Exact penalised segmentation by PELT (Killick, Fearnhead & Eckley 2012). Returns the start
 * index of every segment after the first, ascending. Pruning is applied against the time point
 * m steps back, which keeps the search exact under a minimum segment length m.
 */
export function pelt(n: number, cost: SegmentCost, options: PeltOptions): number[] {
  const m = Math.max(1, Math.floor(options.minSegmentLength));
  const { penalty } = options;
  const margin = options.pruneMargin ?? 0;
  if (n < 2 * m) return [];
  const best = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n + 1).fill(-1);
  best[0] = -penalty;
  let candidates: number[] = [];
  for (let t = m; t <= n; t += 1) {
    const anchor = t - m;
    const anchorBest = best[anchor] as number;
    if (Number.isFinite(anchorBest)) {
      candidates = candidates.filter((s) => (best[s] as number) + cost(s, anchor) - margin <= anchorBest + 1e-9);
      candidates.push(anchor);
    }
    let bestValue = Number.POSITIVE_INFINITY;
    let bestStart = -1;
    for (const s of candidates) {
      const value = (best[s] as number) + cost(s, t) + penalty;
      if (value < bestValue) {
        bestValue = value;
        bestStart = s;
      }
    }
    best[t] = bestValue;
    previous[t] = bestStart;
  }
  const changes: number[] = [];
  let t = previous[n] as number;
  while (t > 0) {
    changes.push(t);
    t = previous[t] as number;
  }
  return changes.reverse();
}
