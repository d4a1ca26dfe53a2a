export interface BrokenStickFit {
  /** Last x of the level before the transition. */
  onset: number;
  /** First x at the level after the transition. */
  settled: number;
  /** Level before the transition. */
  before: number;
  /** Change from the level before to the level after (negative = down). */
  change: number;
  rss: number;
}

/**
 * Least-squares fit of y = a + b·g(x), with g = 0 up to `onset`, rising linearly to 1 at
 * `settled` and 1 after it: a flat level, a transition, a new flat level. A transition of a day
 * or two is a step; a long one is a trend. Onset and settled range over the observed x (sorted
 * ascending), onset at index ≥ minOnsetIndex, settled at most `maxTransitionPoints` observations
 * later (1 gives a pure step); every pair is tried in O(1) through prefix sums.
 */
export function fitBrokenStick(
  xs: readonly number[],
  ys: readonly number[],
  minOnsetIndex: number,
  minAfter = 1,
  maxTransitionPoints = Number.POSITIVE_INFINITY,
): BrokenStickFit | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const px = new Float64Array(n + 1);
  const pxx = new Float64Array(n + 1);
  const py = new Float64Array(n + 1);
  const pxy = new Float64Array(n + 1);
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    px[i + 1] = (px[i] as number) + x;
    pxx[i + 1] = (pxx[i] as number) + x * x;
    py[i + 1] = (py[i] as number) + y;
    pxy[i + 1] = (pxy[i] as number) + x * y;
    syy += y * y;
  }
  const sy = py[n] as number;
  let best: BrokenStickFit | null = null;
  for (let i0 = Math.max(0, minOnsetIndex); i0 < n - minAfter; i0 += 1) {
    const t0 = xs[i0] as number;
    for (let i1 = i0 + 1; i1 <= Math.min(n - minAfter, i0 + maxTransitionPoints); i1 += 1) {
      const t1 = xs[i1] as number;
      const span = t1 - t0;
      // Ramp points lie strictly between onset and settled; from i1 on, g = 1.
      const k = i1 - i0 - 1;
      const rx = (px[i1] as number) - (px[i0 + 1] as number);
      const rxx = (pxx[i1] as number) - (pxx[i0 + 1] as number);
      const ry = (py[i1] as number) - (py[i0 + 1] as number);
      const rxy = (pxy[i1] as number) - (pxy[i0 + 1] as number);
      const after = n - i1;
      const afterY = sy - (py[i1] as number);
      const sg = (rx - t0 * k) / span + after;
      const sgg = (rxx - 2 * t0 * rx + t0 * t0 * k) / (span * span) + after;
      const sgy = (rxy - t0 * ry) / span + afterY;
      const cgg = sgg - (sg * sg) / n;
      if (cgg <= 1e-12) continue;
      const cgy = sgy - (sg * sy) / n;
      const b = cgy / cgg;
      const rss = syy - (sy * sy) / n - b * cgy;
      if (!best || rss < best.rss - 1e-9) best = { onset: t0, settled: t1, before: (sy - b * sg) / n, change: b, rss };
    }
  }
  return best;
}
