import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyChain, type ChainLink } from './verify-chain';

function chain(n: number): ChainLink[] {
  const links: ChainLink[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const hash = `h${seq}`.padEnd(64, 'x');
    links.push({ id: `e${seq}`, seq, prevHash: prev, hash, computed: hash });
    prev = hash;
  }
  return links;
}

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(chain(5))).toEqual({ isIntact: true, checked: 5 });
    expect(verifyChain([])).toEqual({ isIntact: true, checked: 0 });
  });

  it('finds an edited event by its recomputed hash', () => {
    const links = chain(5);
    links[2] = { ...links[2]!, computed: 'different' };
    expect(verifyChain(links)).toEqual({ isIntact: false, checked: 2, firstBreak: { seq: 3, eventId: 'e3', reason: 'altered_event' } });
  });

  it('finds a deleted event by the gap it leaves', () => {
    const links = chain(5);
    links.splice(1, 1);
    expect(verifyChain(links)).toMatchObject({ isIntact: false, firstBreak: { seq: 3, reason: 'missing_event' } });
  });

  it('finds a rewritten link to the previous event', () => {
    const links = chain(4);
    links[3] = { ...links[3]!, prevHash: GENESIS_HASH };
    expect(verifyChain(links)).toMatchObject({ isIntact: false, firstBreak: { seq: 4, reason: 'wrong_previous_hash' } });
  });

  it('reports only the first break', () => {
    const links = chain(5);
    links[1] = { ...links[1]!, computed: 'x' };
    links[3] = { ...links[3]!, computed: 'y' };
    expect(verifyChain(links)).toMatchObject({ firstBreak: { seq: 2 } });
  });
});
