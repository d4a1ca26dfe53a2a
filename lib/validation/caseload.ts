import { z } from '@/lib/validation/zod';

export const caseloadSortKeys = ['attention', 'name', 'lastCheckIn', 'mood', 'phq9', 'gad7', 'signals', 'alerts'] as const;
export type CaseloadSortKey = (typeof caseloadSortKeys)[number];

export const caseloadBands = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'] as const;
export type CaseloadBand = (typeof caseloadBands)[number];

export const caseloadPageSizes = [10, 25, 50, 100] as const;
export const CASELOAD_PAGE_SIZE = 25;

const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const flag = z.preprocess(blankAsUndefined, z.literal('1').optional().catch(undefined));

/**
 * The caseload's URL. A bookmark from an older version or a hand-edited link never fails: every
 * unknown or malformed value falls back to its default.
 */
export const caseloadQuerySchema = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(100).optional().catch(undefined)),
  urgent: flag,
  signals: flag,
  overdue: flag,
  notLogging: flag,
  band: z.preprocess(blankAsUndefined, z.enum(caseloadBands).optional().catch(undefined)),
  sort: z.preprocess(blankAsUndefined, z.enum(caseloadSortKeys).catch('attention').default('attention')),
  dir: z.preprocess(blankAsUndefined, z.enum(['asc', 'desc']).catch('asc').default('asc')),
  page: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
  size: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number()
      .refine((n) => (caseloadPageSizes as readonly number[]).includes(n))
      .catch(CASELOAD_PAGE_SIZE)
      .default(CASELOAD_PAGE_SIZE),
  ),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

/** Reads Next's search params (a key may repeat: the first value counts). */
export function parseCaseloadQuery(raw: Record<string, string | string[] | undefined>): CaseloadQuery {
  return caseloadQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
}

/** Whether any filter (not sort or page) narrows the list. */
export function hasCaseloadFilters(query: CaseloadQuery): boolean {
  return Boolean(query.q || query.urgent || query.signals || query.overdue || query.notLogging || query.band);
}
