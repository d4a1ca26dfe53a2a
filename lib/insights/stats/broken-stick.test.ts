import { describe, expect, it } from 'vitest';
import { fitBrokenStick } from './broken-stick';

/** Direct least squares for one (onset, settled) pair, for cross-checking. */
function directRss(xs: number[], ys: number[], t0: number, t1: number): number {
  const g = xs.map((x) => Math.min(1, Math.max(0, (x - t0) / (t1 - t0))));
  const n = xs.length;
  const mg = g.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let cgy = 0;
  let cgg = 0;
  for (let i = 0; i < n; i += 1) {
    cgy += ((g[i] as number) - mg) * ((ys[i] as number) - my);
    cgg += ((g[i] as number) - mg) ** 2;
  }
  const b = cgy / cgg;
  const a = my - b * mg;
  return ys.reduce((s, y, i) => s + (y - a - b * (g[i] as number)) ** 2, 0);
}

describe('fitBrokenStick', () => {
  it('recovers an exact ramp from 7 down to 4 between days 10 and 20', () => {
    const xs = Array.from({ length: 31 }, (_, i) => i);
    const ys = xs.map((x) => 7 - 3 * Math.min(1, Math.max(0, (x - 10) / 10)));
    const fit = fitBrokenStick(xs, ys, 0);
    expect(fit).not.toBeNull();
    expect(fit?.onset).toBe(10);
    expect(fit?.settled).toBe(20);
    expect(fit?.before).toBeCloseTo(7, 10);
    expect(fit?.change).toBeCloseTo(-3, 10);
    expect(fit?.rss).toBeCloseTo(0, 10);
  });

  it('recovers a step as a one-day transition', () => {
    const xs = [0, 1, 2, 4, 5, 6, 7, 9, 10, 11];
    const ys = [5, 5, 5, 5, 5, 8, 8, 8, 8, 8];
    const fit = fitBrokenStick(xs, ys, 0);
    expect(fit?.onset).toBe(5);
    expect(fit?.settled).toBe(6);
    expect(fit?.change).toBeCloseTo(3, 10);
  });

  it('finds the pair with the least squared error, checked against direct fits of every pair', () => {
    const xs = [0, 1, 3, 4, 5, 8, 9, 10, 12, 13, 15, 16];
    const ys = [6, 7, 6, 6, 5, 5, 4, 5, 3, 4, 3, 3];
    const fit = fitBrokenStick(xs, ys, 0);
    let least = Number.POSITIVE_INFINITY;
    for (let i = 0; i < xs.length - 1; i += 1) {
      for (let j = i + 1; j < xs.length; j += 1) least = Math.min(least, directRss(xs, ys, xs[i] as number, xs[j] as number));
    }
    expect(fit?.rss).toBeCloseTo(least, 9);
    expect(directRss(xs, ys, fit?.onset as number, fit?.settled as number)).toBeCloseTo(least, 9);
  });
});
