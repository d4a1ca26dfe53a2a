import { erfc } from './normal';

/**
 * Upper tail P(X > x) of a chi-square variable with integer degrees of freedom, exact through
 * the recurrence Q(a + 1, y) = Q(a, y) + yᵃe⁻ʸ / Γ(a + 1), starting from Q(1, y) = e⁻ʸ or
 * Q(½, y) = erfc(√y), with y = x / 2 and a = df / 2.
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError('df must be a positive integer');
  if (x <= 0) return 1;
  const y = x / 2;
  const isEven = df % 2 === 0;
  let a = isEven ? 1 : 0.5;
  let q = isEven ? Math.exp(-y) : erfc(Math.sqrt(y));
  // yᵃe⁻ʸ / Γ(a + 1) at the starting a; Γ(3/2) = √π / 2.
  let term = isEven ? y * Math.exp(-y) : 2 * Math.sqrt(y / Math.PI) * Math.exp(-y);
  while (a < df / 2) {
    q += term;
    term *= y / (a + 1);
    a += 1;
  }
  return Math.min(1, q);
}
