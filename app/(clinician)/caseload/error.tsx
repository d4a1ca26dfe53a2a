'use client';

import { secondaryButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';

/** The caseload could not load: say so plainly and offer a retry; the error itself is logged on the server. */
export default function CaseloadError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div>
      <PageHeader title="Caseload" />
      <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-stone-800">
        <p className="font-medium">Your caseload could not be loaded just now.</p>
        <p className="mt-1 text-sm">Nothing was changed. Try again in a moment; if it keeps happening, tell your clinic admin.</p>
        <button type="button" onClick={reset} className={`${secondaryButton} mt-4`}>
          Try again
        </button>
      </div>
    </div>
  );
}
