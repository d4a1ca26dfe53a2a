import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLevelShifts, LEVEL_SHIFT_PARAMETERS } from '@/lib/insights/changepoint/level-shifts';
import { covering, f1Score, type Annotations } from './tcpd-metrics';
import { runCli } from './cli';

const USAGE = 'usage: tsx scripts/insights/eval-changepoints.ts --data <dir> [--json]';
/** TCPD's synthetic sanity-check series; the benchmark's figures are over the real ones. */
const SYNTHETIC_PREFIX = 'quality_control';

interface TcpdSeries {
  name: string;
  n_obs: number;
  n_dim: number;
  series: { raw: (number | null)[] }[];
}

interface Score {
  f1: number;
  cover: number;
}

function meanScore(scores: readonly Score[]): Score {
  const n = Math.max(scores.length, 1);
  return { f1: scores.reduce((a, s) => a + s.f1, 0) / n, cover: scores.reduce((a, s) => a + s.cover, 0) / n };
}

function round(score: Score): Score {
  return { f1: Number(score.f1.toFixed(4)), cover: Number(score.cover.toFixed(4)) };
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
  const rows = names.map((name) => {
    const data = JSON.parse(readFileSync(join(dir, 'series', name, `${name}.json`), 'utf8')) as TcpdSeries;
    const truth = annotations[name] as Annotations;
    // Every dimension is a column; the detector segments them jointly, skipping missing points.
    const predicted = detectLevelShifts(data.series.map((s) => s.raw));
    return {
      name,
      isSynthetic: name.startsWith(SYNTHETIC_PREFIX),
      dims: data.n_dim,
      changes: predicted.length,
      score: { f1: f1Score(truth, predicted), cover: covering(truth, predicted, data.n_obs) },
      zero: { f1: f1Score(truth, []), cover: covering(truth, [], data.n_obs) },
    };
  });
  const real = rows.filter((r) => !r.isSynthetic);
  const synthetic = rows.filter((r) => r.isSynthetic);
  const result = {
    mean: round(meanScore(real.map((r) => r.score))),
    zero: round(meanScore(real.map((r) => r.zero))),
    series: Object.fromEntries(rows.map((r) => [r.name, round(r.score)])),
    ...(synthetic.length > 0 ? { syntheticMean: round(meanScore(synthetic.map((r) => r.score))) } : {}),
    parameters: LEVEL_SHIFT_PARAMETERS,
  };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(`Level-shift detector, one parameter set: ${JSON.stringify(LEVEL_SHIFT_PARAMETERS)}`);
  console.log('series                 dims  changes     F1   cover   | zero F1   cover');
  for (const r of rows) {
    console.log(
      `${(r.name + (r.isSynthetic ? ' *' : '')).padEnd(22)} ${String(r.dims).padStart(4)}  ${String(r.changes).padStart(7)}  ${r.score.f1.toFixed(3)}  ${r.score.cover.toFixed(3)}   |   ${r.zero.f1.toFixed(3)}  ${r.zero.cover.toFixed(3)}`,
    );
  }
  console.log(`mean over ${real.length} real series          ${result.mean.f1.toFixed(3)}  ${result.mean.cover.toFixed(3)}   |   ${result.zero.f1.toFixed(3)}  ${result.zero.cover.toFixed(3)}`);
  if (result.syntheticMean) console.log(`* synthetic quality-control series, mean F1 ${result.syntheticMean.f1.toFixed(3)}, cover ${result.syntheticMean.cover.toFixed(3)} (not in the mean)`);
}

runCli('eval:changepoints', main);
