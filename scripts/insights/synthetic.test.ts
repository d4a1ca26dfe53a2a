import { describe, expect, it } from 'vitest';
import { Random } from './random';
import { generateClient } from './synthetic';

describe('synthetic clients', () => {
  it('are the same for the same seed and differ across seeds', () => {
    expect(generateClient(7, 120, null)).toEqual(generateClient(7, 120, null));
    expect(generateClient(8, 120, null).checkIns).not.toEqual(generateClient(7, 120, null).checkIns);
  });

  it('answer in whole points from 1 to 10 and skip some days', () => {
    const client = generateClient(3, 365, null);
    for (const c of client.checkIns) {
      expect(Number.isInteger(c.mood)).toBe(true);
      expect(c.mood).toBeGreaterThanOrEqual(1);
      expect(c.mood).toBeLessThanOrEqual(10);
    }
    expect(client.checkIns.length).toBeLessThan(365);
    expect(client.checkIns.length).toBeGreaterThan(200);
  });

  it('stop logging at a planted disengagement', () => {
    const client = generateClient(4, 200, { kind: 'disengagement', startIndex: 150, size: 0, durationDays: 0 });
    const last = client.checkIns[client.checkIns.length - 1];
    expect(Date.parse(last?.localDate ?? '') / 86_400_000 - client.firstDay).toBeLessThan(150);
  });

  it('drop by the planted shift', () => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const client = generateClient(5, 300, { kind: 'shift', startIndex: 150, size: -3, durationDays: 0 });
    const index = (d: string) => Date.parse(d) / 86_400_000 - client.firstDay;
    const before = client.checkIns.filter((c) => index(c.localDate) < 150).map((c) => c.mood);
    const after = client.checkIns.filter((c) => index(c.localDate) >= 150).map((c) => c.mood);
    expect(mean(before) - mean(after)).toBeGreaterThan(2);
  });

  it('lower mood for a few days about once a month when cyclic, and change nothing else', () => {
    const steady = generateClient(6, 365, null);
    const cyclic = generateClient(6, 365, null, 'fine', 'cyclic');
    expect(generateClient(6, 365, null, 'fine', 'steady')).toEqual(steady);
    expect(cyclic.checkIns.map((c) => c.localDate)).toEqual(steady.checkIns.map((c) => c.localDate));
    const index = (d: string) => Date.parse(d) / 86_400_000 - steady.firstDay;
    const lowered = cyclic.checkIns.flatMap((c, i) => {
      const usual = steady.checkIns[i]?.mood ?? 0;
      expect(c.mood).toBeLessThanOrEqual(usual);
      return c.mood < usual ? [index(c.localDate)] : [];
    });
    // Lowered days come in runs; a run starts 22–37 days after the one before (a 25–34-day cycle, ±3).
    const starts = lowered.filter((t, i) => i === 0 || t - (lowered[i - 1] as number) > 10);
    expect(starts.length).toBeGreaterThanOrEqual(9);
    for (let i = 1; i < starts.length; i += 1) {
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(22);
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeLessThanOrEqual(37);
    }
  });
});

describe('Random', () => {
  it('draws uniforms in (0, 1) with mean near ½ and normals with SD near 1', () => {
    const random = new Random(1);
    const u = Array.from({ length: 20000 }, () => random.uniform());
    const n = Array.from({ length: 20000 }, () => random.normal());
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((a, b) => a + b, 0) / u.length).toBeCloseTo(0.5, 1);
    const sd = Math.sqrt(n.reduce((a, b) => a + b * b, 0) / n.length);
    expect(sd).toBeCloseTo(1, 1);
  });
});
