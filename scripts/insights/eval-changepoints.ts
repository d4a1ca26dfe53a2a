import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  detectLevelShifts,
  LEVEL_SHIFT_GRID,
  LEVEL_SHIFT_PARAMETERS,
  type LevelShiftParameters,
} from '@/lib/insights/changepoint/level-shifts';
import { runCli } from './cli';
import { leaveOneOut, type Score } from './leave-one-out';
import { covering, f1Score, type Annotations } from './tcpd-metrics';

const USAGE = 'usage: tsx scripts/insights/eval-changepoints.ts --data <dir> [--json]';
/** TCPD's synthetic sanity-check series; the benchmark's figures are over the real ones. */
const SYNTHETIC_PREFIX = 'quality_control';

interface TcpdSeries {
  name: string;
  n_obs: number;
  n_dim: number;
  series: { raw: (number | null)[] }[];
}

function meanScore(scores: readonly Score[]): Score {
  const n = Math.max(scores.length, 1);
  return { f1: scores.reduce((a, s) => a + s.f1, 0) / n, cover: scores.reduce((a, s) => a + s.cover, 0) / n };
}

function round(score: Score): Score {
  return { f1: Number(score.f1.toFixed(4)), cover: Number(score.cover.toFixed(4)) };
}

function sameParameters(a: LevelShiftParameters, b: LevelShiftParameters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function main(): void {
  const args = process.argv.slice(2);
  const dataAt = args.indexOf('--data');
  const dir = dataAt >= 0 ? args[dataAt + 1] : undefined;
  if (!dir) {
    console.error(USAGE);
    process.exit(2);
  }
  const annotations = JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8')) as Record<string, Annotations>;
  const names = Object.keys(annotations).sort();
  const series = names.map((name) => {
    const data = JSON.parse(readFileSync(join(dir, 'series', name, `${name}.json`), 'utf8')) as TcpdSeries;
    const truth = annotations[name] as Annotations;
    // Every dimension is a column; the detector segments them jointly, skipping missing points.
    const columns = data.series.map((s) => s.raw);
    const scoreWith = (parameters: LevelShiftParameters) => {
      const predicted = detectLevelShifts(columns, parameters);
      return { changes: predicted.length, score: { f1: f1Score(truth, predicted), cover: covering(truth, predicted, data.n_obs) } };
    };
    return {
      name,
      isSynthetic: name.startsWith(SYNTHETIC_PREFIX),
      dims: data.n_dim,
      shipped: scoreWith(LEVEL_SHIFT_PARAMETERS),
      grid: LEVEL_SHIFT_GRID.map((p) => scoreWith(p).score),
      zero: { f1: f1Score(truth, []), cover: covering(truth, [], data.n_obs) },
    };
  });
  const real = series.filter((r) => !r.isSynthetic);
  const synthetic = series.filter((r) => r.isSynthetic);
  // Each real series in turn is held out; the grid cell with the best mean F1 on the other 11 is
  // scored on it. Nothing about the held-out series takes part in its choice.
  const folds = leaveOneOut(real.map((r) => r.grid));
  const fullPick = LEVEL_SHIFT_GRID[folds.bestOnAll] as LevelShiftParameters;
  const result = {
    mean: round(meanScore(real.map((r) => r.shipped.score))),
    crossValidated: round(meanScore(folds.heldOut)),
    zero: round(meanScore(real.map((r) => r.zero))),
    series: Object.fromEntries(series.map((r) => [r.name, round(r.shipped.score)])),
    crossValidatedSeries: Object.fromEntries(
      real.map((r, i) => [r.name, { ...round(folds.heldOut[i] as Score), parameters: LEVEL_SHIFT_GRID[folds.chosen[i] as number] }]),
    ),
    ...(synthetic.length > 0 ? { syntheticMean: round(meanScore(synthetic.map((r) => r.shipped.score))) } : {}),
    parameters: LEVEL_SHIFT_PARAMETERS,
    parametersAreBestOnAll: sameParameters(fullPick, LEVEL_SHIFT_PARAMETERS),
  };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const shortParameters = (p: LevelShiftParameters) => `${p.segmentModel} ${p.penaltyPerLogN}·log n, ≥${p.minSegmentLength}`;
  console.log(`Level-shift detector, one parameter set: ${JSON.stringify(LEVEL_SHIFT_PARAMETERS)}`);
  console.log(
    `(${result.parametersAreBestOnAll ? 'the' : 'NOT the'} best of ${LEVEL_SHIFT_GRID.length} grid cells on all 12 real series; best: ${shortParameters(fullPick)})`,
  );
  console.log('series                 dims  changes     F1   cover   | held out: F1   cover  chosen on the other 11 | zero F1   cover');
  const realIndex = new Map(real.map((r, i) => [r.name, i]));
  for (const r of series) {
    const i = realIndex.get(r.name);
    const held =
      i === undefined
        ? null
        : { score: folds.heldOut[i] as Score, parameters: LEVEL_SHIFT_GRID[folds.chosen[i] as number] as LevelShiftParameters };
    const heldText = held
      ? `${held.score.f1.toFixed(3)}  ${held.score.cover.toFixed(3)}  ${shortParameters(held.parameters).padEnd(22)}`
      : ' '.repeat(36);
    console.log(
      `${(r.name + (r.isSynthetic ? ' *' : '')).padEnd(22)} ${String(r.dims).padStart(4)}  ${String(r.shipped.changes).padStart(7)}  ${r.shipped.score.f1.toFixed(3)}  ${r.shipped.score.cover.toFixed(3)}   |           ${heldText} |   ${r.zero.f1.toFixed(3)}  ${r.zero.cover.toFixed(3)}`,
    );
  }
  console.log(
    `mean over ${real.length} real series          ${result.mean.f1.toFixed(3)}  ${result.mean.cover.toFixed(3)}   |           ${result.crossValidated.f1.toFixed(3)}  ${result.crossValidated.cover.toFixed(3)}  ${' '.repeat(22)} |   ${result.zero.f1.toFixed(3)}  ${result.zero.cover.toFixed(3)}`,
  );
  console.log(`in-sample (shipped set): F1 ${result.mean.f1.toFixed(3)}, cover ${result.mean.cover.toFixed(3)}`);
  console.log(
    `leave-one-series-out cross-validated: F1 ${result.crossValidated.f1.toFixed(3)}, cover ${result.crossValidated.cover.toFixed(3)}`,
  );
  if (result.syntheticMean)
    console.log(
      `* synthetic quality-control series, mean F1 ${result.syntheticMean.f1.toFixed(3)}, cover ${result.syntheticMean.cover.toFixed(3)} (not in the means)`,
    );
}

runCli('eval:changepoints', main);
