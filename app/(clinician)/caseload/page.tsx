import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { CaseloadFilters } from '@/components/caseload/caseload-filters';
import { CaseloadTable } from '@/components/caseload/caseload-table';
import { toCaseloadView } from '@/components/caseload/caseload-view';
import { Pagination } from '@/components/data-table/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseload } from '@/lib/dal/therapist-caseload';
import { CASELOAD_PAGE_SIZE, parseCaseloadQuery } from '@/lib/validation/caseload';

export const metadata: Metadata = { title: 'Caseload' };

export default async function CaseloadPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireRole('therapist');
  const query = parseCaseloadQuery(await searchParams);
  const caseload = await listCaseload({ actor: user, query, timeZone: user.timeZone });
  const { q, urgent, signals, overdue, notLogging, band, sort, dir, size } = caseload.query;

  return (
    <div>
      <PageHeader title="Caseload">
        <p>
          {caseload.caseloadSize === 1 ? '1 client is' : `${caseload.caseloadSize} clients are`} assigned to you. Those who need attention
          come first, with the reason.
        </p>
      </PageHeader>
      {caseload.caseloadSize === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          No clients are assigned to you yet. Your clinic admin assigns clients; they will appear here.
        </p>
      ) : (
        <>
          {/* Keyed by the query so that going back re-renders the fields with that view's values. */}
          <CaseloadFilters key={JSON.stringify(caseload.query)} query={caseload.query} />
          {caseload.total === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
              <p>No clients match these filters.</p>
              <Link href="/caseload" className="mt-2 inline-block font-medium text-brand-800 underline">
                Clear filters
              </Link>
            </div>
          ) : (
            <>
              <CaseloadTable
                rows={caseload.rows.map((row) => toCaseloadView(row, user.timeZone))}
                sort={{ key: sort, dir }}
                emptyMessage="No clients match these filters."
              />
              <Pagination
                pathname="/caseload"
                params={{
                  q,
                  urgent,
                  signals,
                  overdue,
                  notLogging,
                  band,
                  sort: sort === 'attention' ? undefined : sort,
                  dir: dir === 'asc' ? undefined : dir,
                  size: size === CASELOAD_PAGE_SIZE ? undefined : String(size),
                }}
                page={caseload.page}
                pageCount={caseload.pageCount}
                total={caseload.total}
                noun={['client', 'clients']}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
