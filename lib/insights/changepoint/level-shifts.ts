import { standardDeviation } from '../stats/descriptive';
import { robustScale } from '../stats/robust-scale';
import { gaussianLinearCost } from './gaussian-linear-cost';
import { gaussianMeanCost } from './gaussian-mean-cost';
import { hampelFilter } from './hampel';
import { pelt, type SegmentCost } from './pelt';
import { estimateAr1FromDifferences, prewhiten } from './prewhiten';

export interface LevelShiftParameters {
  /** Penalty per change point, in units of log(n) per dimension (BIC uses 1 per parameter). */
  penaltyPerLogN: number;
  /** Fewest observations in a segment. */
  minSegmentLength: number;
  /** Half-width of the Hampel window that removes isolated spikes. */
  hampelHalfWidth: number;
  /** Hampel threshold in local robust scales. */
  hampelK: number;
  /** Floor of the Hampel local scale, as a share of the series' own robust scale. */
  hampelScaleFloor: number;
  /**
   * What stays constant within a segment: its mean; or either its mean or a straight line, a segment paying
   * for a slope what a change point costs, so a steady trend is one sloped segment (not a
   * staircase of level shifts) while a flat stretch stays a level and a jump stays a change.
   */
  segmentModel: 'mean' | 'mixed';
}

/**
 * One fixed set for every series. The Hampel window of 7 points at 3 scales is the customary
 * default and the scale floor of ¼ only matters for heavily tied data. Penalty and segment length
 * are the cell of LEVEL_SHIFT_GRID with the best mean F1 on all 12 TCPD development series
 * (`npm run eval:changepoints`, which also reports how well that choice holds on a series left
 * out of the choosing): 8 log n per change and dimension (4× BIC for a change in mean, paying for
 * noise that stays heavy-tailed after prewhitening), at least 6 points a segment (more than the
 * Hampel window, so a burst the spike filter lets through cannot become a level of its own).
 */
export const LEVEL_SHIFT_PARAMETERS: LevelShiftParameters = {
  penaltyPerLogN: 8,
  minSegmentLength: 6,
  hampelHalfWidth: 3,
  hampelK: 3,
  hampelScaleFloor: 0.25,
  segmentModel: 'mixed',
};

/**
 * The candidates cross-validation chooses among: penalties 2–5× BIC for a change in mean and
 * segments of 4–8 points, around the conventions above, each with the mixed level-or-line model.
 */
export const LEVEL_SHIFT_GRID: readonly LevelShiftParameters[] = [4, 5, 6, 7, 8, 10].flatMap((penaltyPerLogN) =>
  [4, 5, 6, 8].map((minSegmentLength) => ({ ...LEVEL_SHIFT_PARAMETERS, penaltyPerLogN, minSegmentLength })),
);

/** One column per dimension, one entry per time point; null is a missing observation. */
export type SeriesColumns = readonly (readonly (number | null)[])[];

interface PreparedColumn {
  values: (number | null)[];
  scale: number;
}

function prepareColumn(column: readonly (number | null)[], rows: readonly number[], p: LevelShiftParameters): PreparedColumn {
  const positions: number[] = [];
  const observed: number[] = [];
  rows.forEach((row, position) => {
    const v = column[row];
    if (v !== null && v !== undefined && Number.isFinite(v)) {
      positions.push(position);
      observed.push(v);
    }
  });
  const values = new Array<number | null>(rows.length).fill(null);
  if (observed.length < 4) return { values, scale: 1 };
  const whitened = prewhiten(observed, estimateAr1FromDifferences(observed));
  const floor = p.hampelScaleFloor * robustScale(whitened);
  const filtered = hampelFilter(whitened, p.hampelHalfWidth, p.hampelK, floor);
  filtered.forEach((v, i) => {
    values[positions[i + 1] as number] = v;
  });
  // Noise scale from the steps of the cleaned series: the spikes that would dominate a classical
  // SD are gone, and unlike a MAD it does not collapse to 0 on heavily tied data.
  const steps: number[] = [];
  for (let i = 1; i < filtered.length; i += 1) steps.push((filtered[i] as number) - (filtered[i - 1] as number));
  const scale = steps.length >= 2 ? standardDeviation(steps) / Math.SQRT2 : 0;
  return { values, scale: scale > 0 ? scale : 1 };
}

/**
 * Level-shift detector: each dimension is prewhitened with its own AR(1) coefficient, cleared of
 * isolated spikes, and segmented jointly by PELT under a Gaussian cost in which each segment is a
 * level or, paying one change's penalty more, a straight line. Time points
 * missing in every dimension are skipped. Returns the 0-based indices where new segments begin.
 */
export function detectLevelShifts(columns: SeriesColumns, parameters: LevelShiftParameters = LEVEL_SHIFT_PARAMETERS): number[] {
  const length = columns[0]?.length ?? 0;
  const rows: number[] = [];
  for (let t = 0; t < length; t += 1) {
    if (columns.some((c) => c[t] !== null && c[t] !== undefined)) rows.push(t);
  }
  const prepared = columns.map((c) => prepareColumn(c, rows, parameters));
  const values = prepared.map((c) => c.values);
  const scales = prepared.map((c) => c.scale);
  const penalty = parameters.penaltyPerLogN * columns.length * Math.log(Math.max(rows.length, 2));
  const slopePenalty = penalty;
  const meanCost = gaussianMeanCost(values, scales);
  const linearCost = gaussianLinearCost(values, scales);
  const cost: SegmentCost =
    parameters.segmentModel === 'mean' ? meanCost : (start, end) => Math.min(meanCost(start, end), linearCost(start, end) + slopePenalty);
  // A segment's choice between level and line makes the cost sub-additive only up to the slope's
  // price, so pruning keeps that margin (Killick et al. 2012, the constant K) to stay exact.
  const pruneMargin = parameters.segmentModel === 'mixed' ? slopePenalty : 0;
  const changes = pelt(rows.length, cost, { penalty, minSegmentLength: parameters.minSegmentLength, pruneMargin });
  return changes.map((i) => rows[i] as number);
}
