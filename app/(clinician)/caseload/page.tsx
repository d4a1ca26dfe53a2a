import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseload } from '@/lib/dal/caseload';

export const metadata: Metadata = { title: 'Caseload' };

const scopeLabel = { checkins: 'Check-ins', journal: 'Journal', measures: 'Measures' } as const;

export default async function CaseloadPage() {
  const user = await requireRole('therapist');
  const caseload = await listCaseload({ actor: user });

  return (
    <div>
      <PageHeader title="Caseload">
        <p>
          {caseload.length === 1 ? '1 client is' : `${caseload.length} clients are`} assigned to you.
        </p>
      </PageHeader>
      {caseload.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">
          No clients are assigned to you yet. Your clinic admin assigns clients.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Your clients and what each shares with you</caption>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Client</th>
                <th scope="col" className="px-4 py-2 font-medium">Shares with you</th>
              </tr>
            </thead>
            <tbody>
              {caseload.map((row) => (
                <tr key={row.clientId} className="border-t border-stone-100">
                  <th scope="row" className="px-4 py-2 font-medium">{row.name}</th>
                  <td className="px-4 py-2">
                    {row.sharing.length === 0 ? (
                      <span className="text-stone-600">Nothing shared</span>
                    ) : (
                      row.sharing.map((s) => scopeLabel[s]).join(', ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
