import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHalf, screenAll, summarize } from './corpus';

// The goal of issue 10 for the risk-language screen, on each half of the corpus.
const GOAL = { recall: 0.95, falseAlarmRate: 0.1 };

describe('the risk-language screen on its corpus', () => {
  it.each(['development', 'held-out'] as const)('meets the goal on the %s half', (half) => {
    const rows = readHalf(half);
    const report = summarize(half, screenAll(rows));
    expect(report.n).toBeGreaterThanOrEqual(200);
    expect(report.risk / report.n).toBeGreaterThan(0.4);
    expect(report.recall).toBeGreaterThanOrEqual(GOAL.recall);
    expect(report.falseAlarmRate).toBeLessThanOrEqual(GOAL.falseAlarmRate);
  });

  it('has two halves that share no sentence', () => {
    const development = new Set(readHalf('development').map((r) => r.text));
    expect(readHalf('held-out').filter((r) => development.has(r.text))).toEqual([]);
  });
});

describe('npm run crisis:screen -- FILE --json', () => {
  it('prints one result per line, in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-screen-'));
    try {
      const file = join(dir, 'lines.txt');
      writeFileSync(file, 'I have saved up my pills\nmy phone died\n\ni od’d on friday\n');
      const script = fileURLToPath(new URL('./screen.ts', import.meta.url));
      const out = execFileSync(process.execPath, ['--import', 'tsx', script, file, '--json'], { encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual([
        { line: 1, hit: true, category: 'plan_or_preparation' },
        { line: 2, hit: false, category: null },
        { line: 3, hit: false, category: null },
        { line: 4, hit: true, category: 'overdose' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
