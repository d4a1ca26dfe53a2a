import { standardDeviation } from '../stats/descriptive';
import { robustScale } from '../stats/robust-scale';
import { gaussianMeanCost } from './gaussian-mean-cost';
import { hampelFilter } from './hampel';
import { pelt } from './pelt';
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
}

/**
 * One fixed set for every series, explained by convention rather than fitted per series: the
 * Hampel window of 7 points at 3 scales is the customary default; the penalty is 3× BIC (a change
 * in mean costs two parameters, 2 log n in this cost's units, so 6 log n), paying for the noise
 * that stays heavy-tailed after prewhitening; a segment needs at least 5 points, more than half the
 * Hampel window, so a burst too long for the spike filter cannot become a level of its own; the
 * scale floor of ¼ only matters for heavily tied data. On the TCPD development series neighbouring
 * values (penalty 5.5–6 log n, segments of 4–7 points) score within 0.02 of these.
 */
export const LEVEL_SHIFT_PARAMETERS: LevelShiftParameters = {
  penaltyPerLogN: 6,
  minSegmentLength: 5,
  hampelHalfWidth: 3,
  hampelK: 3,
  hampelScaleFloor: 0.25,
};

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
 * isolated spikes, and segmented jointly by PELT under a Gaussian change-in-mean cost. Time points
 * missing in every dimension are skipped. Returns the 0-based indices where new segments begin.
 */
export function detectLevelShifts(columns: SeriesColumns, parameters: LevelShiftParameters = LEVEL_SHIFT_PARAMETERS): number[] {
  const length = columns[0]?.length ?? 0;
  const rows: number[] = [];
  for (let t = 0; t < length; t += 1) {
    if (columns.some((c) => c[t] !== null && c[t] !== undefined)) rows.push(t);
  }
  const prepared = columns.map((c) => prepareColumn(c, rows, parameters));
  const cost = gaussianMeanCost(
    prepared.map((c) => c.values),
    prepared.map((c) => c.scale),
  );
  const penalty = parameters.penaltyPerLogN * columns.length * Math.log(Math.max(rows.length, 2));
  const changes = pelt(rows.length, cost, { penalty, minSegmentLength: parameters.minSegmentLength });
  return changes.map((i) => rows[i] as number);
}
