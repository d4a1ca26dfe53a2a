import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/import/preview.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run import:preview', () => {
  it('prints what it recognises as JSON', () => {
    const daylio = run('lib/import/test-data/daylio-headerless-es.csv', '--json');
    expect(daylio.status).toBe(0);
    expect(JSON.parse(daylio.stdout)).toEqual({
      format: 'daylio-headerless',
      entries: 3,
      firstDate: '2024-10-14',
      lastDate: '2024-10-16',
      moodLabels: ['bien', 'regular', 'mal'],
    });
    const iMood = run('--json', 'lib/import/test-data/imoodjournal.csv');
    expect(JSON.parse(iMood.stdout)).toEqual({
      format: 'imoodjournal',
      entries: 3,
      firstDate: '2015-09-05',
      lastDate: '2015-09-06',
      moodLabels: [],
    });
  }, 30_000);

  it('says plainly what is wrong with a file, with exit code 1', () => {
    const bad = run('lib/import/test-data/imoodjournal-bad-tag.csv', '--json');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe('import:preview: Line 2: the tag column "work" holds "yes"; it should be 1 (tagged) or 0.');
    expect(run('no-such-file.csv').stderr.trim()).toBe('import:preview: no such file: no-such-file.csv');
  }, 30_000);
});
