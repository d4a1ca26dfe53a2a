import { normalCdf } from './normal';

/** The felt values one answer stands for: every value nearer to it than to the person's other answers. */
export interface AnswerInterval {
  lower: number;
  upper: number;
}

/**
 * Each answer as an interval, from the distinct answers a person gives: the boundaries are the
 * midpoints between adjacent answers, and the lowest and highest answers are open-ended (a value
 * below the lowest answer given is still given as that answer). For whole numbers 1–10 an answer
 * of 6 is 5.5–6.5; for a Daylio diary mapped to 1, 3, 5, 8, 10 an answer of 5 is 4–6.5.
 */
export type AnswerIntervals = ReadonlyMap<number, AnswerInterval>;

export function answerIntervals(answers: readonly number[]): AnswerIntervals {
  const distinct = [...new Set(answers)].sort((a, b) => a - b);
  const out = new Map<number, AnswerInterval>();
  distinct.forEach((a, i) => {
    const below = distinct[i - 1];
    const above = distinct[i + 1];
    out.set(a, {
      lower: below === undefined ? Number.NEGATIVE_INFINITY : (a + below) / 2,
      upper: above === undefined ? Number.POSITIVE_INFINITY : (a + above) / 2,
    });
  });
  return out;
}

/** The interval one answer stands for; an answer the intervals were not made from is a caller's error. */
export function intervalOf(intervals: AnswerIntervals, answer: number): AnswerInterval {
  const interval = intervals.get(answer);
  if (!interval) throw new RangeError(`answer ${answer} is not on the person's scale`);
  return interval;
}

/** One answer read as an interval, with its weight in the likelihood. */
export interface IntervalObservation extends AnswerInterval {
  weight: number;
}

export interface IntervalNormalFit {
  /** One mean per group. */
  means: number[];
  /** The standard deviation all groups share. */
  sigma: number;
  logLikelihood: number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const density = (z: number) => (Number.isFinite(z) ? INV_SQRT_2PI * Math.exp(-0.5 * z * z) : 0);
/** z·φ(z), 0 at ±∞. */
const zDensity = (z: number) => (Number.isFinite(z) ? z * density(z) : 0);

/** P(α < Z < β) for a standard normal Z, without cancellation in either tail. */
function intervalProbability(alpha: number, beta: number): number {
  return alpha > 0 ? normalCdf(-alpha) - normalCdf(-beta) : normalCdf(beta) - normalCdf(alpha);
}

/** Identical intervals in a group are one observation with their weights summed. */
function aggregate(observations: readonly IntervalObservation[]): IntervalObservation[] {
  const byBounds = new Map<string, IntervalObservation>();
  for (const o of observations) {
    const key = `${o.lower}:${o.upper}`;
    const seen = byBounds.get(key);
    if (seen) seen.weight += o.weight;
    else byBounds.set(key, { ...o });
  }
  return [...byBounds.values()];
}

interface Terms {
  logLikelihood: number;
  /** ∂ℓ/∂μ and ∂²ℓ/∂μ² at fixed σ. */
  dMean: number;
  d2Mean: number;
  /** ∂ℓ/∂σ at fixed μ. */
  dSigma: number;
}

function groupTerms(group: readonly IntervalObservation[], mean: number, sigma: number): Terms {
  let logLikelihood = 0;
  let dMean = 0;
  let d2Mean = 0;
  let dSigma = 0;
  for (const o of group) {
    const alpha = (o.lower - mean) / sigma;
    const beta = (o.upper - mean) / sigma;
    const p = Math.max(intervalProbability(alpha, beta), 1e-300);
    const d = density(alpha) - density(beta);
    const e = zDensity(alpha) - zDensity(beta);
    logLikelihood += o.weight * Math.log(p);
    // ∂P/∂μ = (φ(α) − φ(β))/σ, ∂²P/∂μ² = (αφ(α) − βφ(β))/σ², ∂P/∂σ = (αφ(α) − βφ(β))/σ.
    dMean += (o.weight * d) / (p * sigma);
    d2Mean += (o.weight * (e * p - d * d)) / (p * p * sigma * sigma);
    dSigma += (o.weight * e) / (p * sigma);
  }
  return { logLikelihood, dMean, d2Mean, dSigma };
}

/** The group's mean that maximises its likelihood at this σ (the log-likelihood is concave in μ). */
function bestMean(group: readonly IntervalObservation[], sigma: number, start: number): number {
  let mean = start;
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const t = groupTerms(group, mean, sigma);
    if (t.d2Mean >= 0) break;
    // A Newton step, limited to one σ so that a flat tail cannot throw it far.
    const step = Math.max(-sigma, Math.min(sigma, -t.dMean / t.d2Mean));
    mean += step;
    if (Math.abs(step) < 1e-10) break;
  }
  return mean;
}

function profile(groups: readonly IntervalObservation[][], sigma: number, starts: readonly number[]) {
  const means = groups.map((g, i) => bestMean(g, sigma, starts[i] as number));
  let logLikelihood = 0;
  let dSigma = 0;
  groups.forEach((g, i) => {
    const t = groupTerms(g, means[i] as number, sigma);
    logLikelihood += t.logLikelihood;
    dSigma += t.dSigma;
  });
  return { means, logLikelihood, dSigma };
}

/** σ above this many points on a 1–10 scale is not a mood diary; it bounds the search. */
const MAX_SIGMA = 100;

/**
 * Maximum-likelihood fit of normal distributions with one shared σ and a mean per group to
 * answers read as intervals (interval censoring; each answer stands for every felt value nearer
 * to it than to the person's other answers). With σ fixed each group's log-likelihood is concave
 * in its mean (the normal is log-concave), and the profile log-likelihood in σ is unimodal, so
 * the mean is found by Newton's method and σ by bisection on the profile's derivative (by the
 * envelope theorem, ∂ℓ/∂σ at the best means), within [floor, 100]. Where the answers allow any
 * small σ (all in two adjacent intervals, say) the fit stops at the floor.
 */
export function fitIntervalNormal(groups: readonly (readonly IntervalObservation[])[], sigmaFloor: number): IntervalNormalFit {
  if (sigmaFloor <= 0) throw new RangeError('the floor of σ must be positive');
  const merged = groups.map(aggregate);
  if (merged.some((g) => g.length === 0)) throw new RangeError('every group needs an observation');
  const starts = merged.map((g) => {
    let total = 0;
    let weight = 0;
    for (const o of g) {
      const centre =
        Number.isFinite(o.lower) && Number.isFinite(o.upper) ? (o.lower + o.upper) / 2 : Number.isFinite(o.lower) ? o.lower : o.upper;
      if (!Number.isFinite(centre)) continue;
      total += o.weight * centre;
      weight += o.weight;
    }
    return weight > 0 ? total / weight : 0;
  });
  let lo = Math.log(sigmaFloor);
  let hi = Math.log(MAX_SIGMA);
  let at = profile(merged, sigmaFloor, starts);
  if (at.dSigma <= 0) return { means: at.means, sigma: sigmaFloor, logLikelihood: at.logLikelihood };
  let means = at.means;
  // σ to a relative precision of 10⁻⁶, far finer than any figure shown.
  for (let iteration = 0; iteration < 60 && hi - lo > 1e-6; iteration += 1) {
    const mid = (lo + hi) / 2;
    at = profile(merged, Math.exp(mid), means);
    means = at.means;
    if (at.dSigma > 0) lo = mid;
    else hi = mid;
  }
  const sigma = Math.exp((lo + hi) / 2);
  const final = profile(merged, sigma, means);
  return { means: final.means, sigma, logLikelihood: final.logLikelihood };
}
