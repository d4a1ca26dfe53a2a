import { describe, expect, it } from 'vitest';
import { normalizeSpelling, SPELLINGS } from './spelling';

describe('normalizeSpelling', () => {
  it.each(Object.entries(SPELLINGS))('rewrites "%s" as "%s"', (typed, meant) => {
    expect(normalizeSpelling(`so ${typed.toUpperCase()}, then`)).toBe(`so ${meant}, then`);
  });

  it('rewrites whole words only', () => {
    expect(normalizeSpelling('Shed, odds, ideas, Kmsx, imagine')).toBe('shed, odds, ideas, kmsx, imagine');
  });

  it('straightens curly apostrophes before rewriting', () => {
    expect(normalizeSpelling('I OD’d and I’m sorry')).toBe("i overdosed and i'm sorry");
  });

  it('prefers the longest entry', () => {
    expect(normalizeSpelling('might off myself')).toBe('might kill myself');
  });
});
