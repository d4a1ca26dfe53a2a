import { describe, expect, it } from 'vitest';
import { pageOf, sortBy } from './table-query';

describe('pageOf', () => {
  it('returns the asked page and clamps pages out of range', () => {
    const rows = Array.from({ length: 25 }, (_, i) => i);
    expect(pageOf(rows, 2, 10)).toEqual({ rows: [10, 11, 12, 13, 14, 15, 16, 17, 18, 19], total: 25, page: 2, pageCount: 3, pageSize: 10 });
    expect(pageOf(rows, 9, 10).page).toBe(3);
    expect(pageOf(rows, 0, 10).page).toBe(1);
    expect(pageOf([], 1, 10)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, pageSize: 10 });
  });
});

describe('sortBy', () => {
  const rows = [
    { n: 'beta', d: 2 },
    { n: 'Alpha', d: null },
    { n: 'gamma', d: 1 },
  ];
  it('sorts text without regard to case, both ways', () => {
    expect(sortBy(rows, (r) => r.n, 'asc').map((r) => r.n)).toEqual(['Alpha', 'beta', 'gamma']);
    expect(sortBy(rows, (r) => r.n, 'desc').map((r) => r.n)).toEqual(['gamma', 'beta', 'Alpha']);
  });
  it('keeps empty values last', () => {
    expect(sortBy(rows, (r) => r.d, 'asc').map((r) => r.d)).toEqual([1, 2, null]);
    expect(sortBy(rows, (r) => r.d, 'desc').map((r) => r.d)).toEqual([2, 1, null]);
  });
});
