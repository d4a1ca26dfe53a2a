export interface Ranking {
  /** 1-based ranks, tied values sharing the mean of their positions. */
  ranks: number[];
  /** Size of every group of tied values (groups of one included). */
  tieGroups: number[];
}

export function rankWithTies(values: readonly number[]): Ranking {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  const tieGroups: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start;
    const value = values[order[start] as number];
    while (end + 1 < order.length && values[order[end + 1] as number] === value) end += 1;
    const sharedRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k] as number] = sharedRank;
    tieGroups.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieGroups };
}

/** Σ (t³ − t) over tie groups: the correction term shared by rank tests. */
export function tieCorrectionSum(tieGroups: readonly number[]): number {
  let total = 0;
  for (const t of tieGroups) total += t * t * t - t;
  return total;
}
