import { describe, expect, it } from 'vitest';
import { hasCaseloadFilters, parseCaseloadQuery } from './caseload';

describe('parseCaseloadQuery', () => {
  it('gives the default view for an empty URL', () => {
    expect(parseCaseloadQuery({})).toEqual({ sort: 'attention', dir: 'asc', page: 1, size: 25 });
  });

  it('reads every parameter it knows, taking the first of repeated keys', () => {
    expect(
      parseCaseloadQuery({
        q: ['  riley ', 'x'],
        urgent: '1',
        signals: '1',
        overdue: '1',
        notLogging: '1',
        band: 'moderate',
        sort: 'phq9',
        dir: 'desc',
        page: '3',
        size: '10',
      }),
    ).toEqual({
      q: 'riley',
      urgent: '1',
      signals: '1',
      overdue: '1',
      notLogging: '1',
      band: 'moderate',
      sort: 'phq9',
      dir: 'desc',
      page: 3,
      size: 10,
    });
  });

  it('falls back to defaults for anything malformed instead of failing', () => {
    expect(parseCaseloadQuery({ q: '', urgent: 'true', band: 'huge', sort: 'id; drop', dir: 'up', page: '0', size: '1000' })).toEqual({
      sort: 'attention',
      dir: 'asc',
      page: 1,
      size: 25,
    });
    expect(parseCaseloadQuery({ q: 'x'.repeat(101) }).q).toBeUndefined();
  });
});

describe('hasCaseloadFilters', () => {
  it('counts search and filters, not order or page', () => {
    expect(hasCaseloadFilters(parseCaseloadQuery({ sort: 'name', page: '2' }))).toBe(false);
    expect(hasCaseloadFilters(parseCaseloadQuery({ band: 'mild' }))).toBe(true);
    expect(hasCaseloadFilters(parseCaseloadQuery({ q: 'ana' }))).toBe(true);
  });
});
