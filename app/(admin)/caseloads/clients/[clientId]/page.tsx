import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { smallButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listAssignmentHistory } from '@/lib/dal/clinic-caseloads';
import { TandemError } from '@/lib/errors';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Assignment history' };

export default async function AssignmentHistoryPage({ params }: { params: Promise<{ clientId: string }> }) {
  const user = await requireRole('admin');
  const parsed = z.uuid().safeParse((await params).clientId);
  if (!parsed.success) notFound();
  const history = await listAssignmentHistory({ actor: user, clientId: parsed.data }).catch((error: unknown) => {
    if (error instanceof TandemError && error.status === 404) notFound();
    throw error;
  });
  const current = history.rows.find((r) => r.endedAt === null);

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <Link href="/caseloads" className="text-sm text-brand-700 underline underline-offset-4">
        Back to caseloads
      </Link>
      <PageHeader title={`${history.clientName}: assignment history`}>
        <p>{current ? `Currently with ${current.therapistName}.` : 'No therapist at the moment.'}</p>
      </PageHeader>
      <Link href={`/caseloads/assign?client=${parsed.data}`} className={`${smallButton} self-start`}>
        {current ? 'Reassign' : 'Assign'} {history.clientName}
      </Link>
      {history.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">Never assigned yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Every therapist {history.clientName} has been assigned to, newest first</caption>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Therapist
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  From
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Until
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Assigned by
                </th>
              </tr>
            </thead>
            <tbody>
              {history.rows.map((r) => (
                <tr key={`${r.therapistName}-${r.startedAt.toISOString()}`} className="border-t border-stone-100">
                  <th scope="row" className="px-4 py-2 font-medium">
                    {r.therapistName}
                  </th>
                  <td className="whitespace-nowrap px-4 py-2">{momentText(r.startedAt, user.timeZone)}</td>
                  <td className="whitespace-nowrap px-4 py-2">{r.endedAt ? momentText(r.endedAt, user.timeZone) : 'Now'}</td>
                  <td className="px-4 py-2">{r.assignedByName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
