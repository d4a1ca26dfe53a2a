import { chiSquareSurvival } from './chi-square';
import { rankWithTies, tieCorrectionSum } from './ranks';

export interface KruskalWallisResult {
  h: number;
  df: number;
  p: number;
  /** ε² = H / (N − 1): share of rank variance explained by the groups (Tomczak & Tomczak 2014). */
  epsilonSquared: number;
}

/** Kruskal–Wallis H test with the tie correction; p from the chi-square approximation. */
export function kruskalWallis(groups: readonly (readonly number[])[]): KruskalWallisResult {
  const nonEmpty = groups.filter((g) => g.length > 0);
  if (nonEmpty.length < 2) throw new RangeError('Kruskal–Wallis needs at least two groups');
  const pooled = nonEmpty.flat();
  const total = pooled.length;
  const { ranks, tieGroups } = rankWithTies(pooled);
  let offset = 0;
  let between = 0;
  for (const group of nonEmpty) {
    let rankSum = 0;
    for (let i = 0; i < group.length; i += 1) rankSum += ranks[offset + i] as number;
    between += (rankSum * rankSum) / group.length;
    offset += group.length;
  }
  const raw = (12 / (total * (total + 1))) * between - 3 * (total + 1);
  const correction = 1 - tieCorrectionSum(tieGroups) / (total ** 3 - total);
  const h = correction > 0 ? raw / correction : 0;
  const df = nonEmpty.length - 1;
  return { h, df, p: chiSquareSurvival(h, df), epsilonSquared: h / (total - 1) };
}
