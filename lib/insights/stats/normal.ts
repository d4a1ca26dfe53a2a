const SQRT_PI = Math.sqrt(Math.PI);

/** erf by its Maclaurin series; accurate to ~1e-13 for |x| < 3. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let total = x;
  for (let n = 1; n < 200; n += 1) {
    term *= -x2 / n;
    const next = term / (2 * n + 1);
    total += next;
    if (Math.abs(next) < 1e-17 * Math.abs(total)) break;
  }
  return (2 / SQRT_PI) * total;
}

/** erfc by its Laplace continued fraction, evaluated bottom-up; converges fast for x ≥ 3. */
function erfcContinuedFraction(x: number): number {
  let tail = x;
  for (let k = 80; k >= 1; k -= 1) tail = x + k / 2 / tail;
  return Math.exp(-x * x) / SQRT_PI / tail;
}

export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  return x < 3 ? 1 - erfSeries(x) : erfcContinuedFraction(x);
}

/** Standard normal cumulative distribution function Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}
