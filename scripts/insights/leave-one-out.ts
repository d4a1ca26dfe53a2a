export interface Score {
  f1: number;
  cover: number;
}

export interface LeaveOneOutResult {
  /** Per held-out item, the grid cell chosen on the others. */
  chosen: number[];
  /** Per held-out item, its score under that cell. */
  heldOut: Score[];
  /** The cell chosen on every item (what ships). */
  bestOnAll: number;
}

/** The cell with the best mean F1 over the items not excluded; ties go to the earlier cell. */
function bestCell(scores: readonly (readonly Score[])[], excluded: number | null): number {
  const cells = scores[0]?.length ?? 0;
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < cells; c += 1) {
    let total = 0;
    scores.forEach((row, i) => {
      if (i !== excluded) total += (row[c] as Score).f1;
    });
    if (total > bestValue + 1e-12) {
      bestValue = total;
      best = c;
    }
  }
  return best;
}

/**
 * Leave-one-out selection: `scores[item][cell]`. For each item the cell is chosen on the other
 * items only, then that item is scored with it, so the mean of `heldOut` estimates how the
 * choosing procedure does on an item it never saw.
 */
export function leaveOneOut(scores: readonly (readonly Score[])[]): LeaveOneOutResult {
  const chosen = scores.map((_, i) => bestCell(scores, i));
  return {
    chosen,
    heldOut: chosen.map((c, i) => (scores[i] as readonly Score[])[c] as Score),
    bestOnAll: bestCell(scores, null),
  };
}
