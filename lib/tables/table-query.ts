/** Sorting, filtering and paging of a small in-memory list, as the URL asks for it. */
export type SortDirection = 'asc' | 'desc';

export type TablePage<T> = { rows: T[]; total: number; page: number; pageCount: number; pageSize: number };

export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): TablePage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return {
    rows: rows.slice((current - 1) * pageSize, current * pageSize),
    total: rows.length,
    page: current,
    pageCount,
    pageSize,
  };
}

/** Stable sort by one key; empty values always last, whatever the direction. */
export function sortBy<T>(rows: readonly T[], key: (row: T) => string | number | null, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y), 'en', { sensitivity: 'base' }) * sign;
  });
}
