import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpus } from './corpus';

const half = (name: string) => parseCorpus(readFileSync(new URL(`./corpus/${name}.txt`, import.meta.url), 'utf8'));

describe('the companion corpus', () => {
  it('holds at least 60 conversations of 3 to 12 turns, with risk appearing mid-conversation', () => {
    const all = [...half('development'), ...half('held-out')];
    expect(all.length).toBeGreaterThanOrEqual(60);
    for (const c of all) expect(c.turns.length, c.id).toBeGreaterThanOrEqual(3);
    for (const c of all) expect(c.turns.length, c.id).toBeLessThanOrEqual(12);
    expect(all.filter((c) => c.turns.findIndex((t) => t.isRisk) > 0).length).toBeGreaterThanOrEqual(10);
  });

  it('says where a malformed line is', () => {
    expect(() => parseCorpus('## x: y\nnonsense | hello')).toThrow('line 2: unknown kind "nonsense"');
  });
});
