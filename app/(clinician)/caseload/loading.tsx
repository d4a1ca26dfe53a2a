import { PageHeader } from '@/components/ui/page-header';

export default function CaseloadLoading() {
  return (
    <div aria-busy="true">
      <PageHeader title="Caseload">
        <p>Loading your clients…</p>
      </PageHeader>
      <div className="mb-4 flex gap-4" aria-hidden="true">
        <div className="h-16 w-56 animate-pulse rounded-md bg-stone-200" />
        <div className="h-16 w-96 animate-pulse rounded-md bg-stone-200" />
      </div>
      <div className="overflow-hidden rounded-lg border border-stone-200 bg-white" aria-hidden="true">
        <div className="h-10 bg-stone-100" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-6 border-t border-stone-100 px-4 py-3">
            <div className="h-4 w-40 animate-pulse rounded bg-stone-200" />
            <div className="h-4 w-20 animate-pulse rounded bg-stone-200" />
            <div className="h-4 w-24 animate-pulse rounded bg-stone-200" />
            <div className="h-4 w-16 animate-pulse rounded bg-stone-200" />
            <div className="h-4 w-16 animate-pulse rounded bg-stone-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
