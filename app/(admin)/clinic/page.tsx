import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseloads } from '@/lib/dal/caseloads';
import { getClinicOverview } from '@/lib/dal/clinic';
import { formatAge } from '@/lib/tables/format';

export const metadata: Metadata = { title: 'Clinic overview' };

export default async function ClinicOverviewPage() {
  const user = await requireRole('admin');
  const [overview, caseloads] = await Promise.all([getClinicOverview({ actor: user }), listCaseloads({ actor: user })]);
  const overCapacity = caseloads.therapists.filter((t) => t.capacity !== null && t.activeClients > t.capacity);
  const notLogging = caseloads.therapists.reduce((sum, t) => sum + t.notLogging, 0);
  const figures = [
    { label: 'Therapists', value: overview.therapists, href: '/people?role=therapist' },
    { label: 'Clients', value: overview.clients, href: '/people?role=client' },
    { label: 'Clients without a therapist', value: overview.unassignedClients, href: '/caseloads#unassigned-heading' },
    { label: 'Urgent alerts waiting', value: caseloads.waitingAlerts.length, href: '/caseloads#waiting-heading' },
    { label: 'Clients not logging', value: notLogging, href: '/caseloads' },
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Clinic overview">
        <p>{overview.clinicName}</p>
      </PageHeader>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label} className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">
              <Link href={f.href} className="hover:underline">
                {f.label}
              </Link>
            </dt>
            <dd className="mt-1 text-2xl font-semibold">{f.value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="attention-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="attention-heading" className="mb-2 font-semibold">
          Needs your attention
        </h2>
        {caseloads.waitingAlerts.length === 0 && overCapacity.length === 0 && overview.unassignedClients === 0 ? (
          <p className="text-stone-700">Nothing right now. Every client has a therapist, no one is over capacity and no urgent alert is waiting.</p>
        ) : (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {caseloads.waitingAlerts.map((a) => (
              <li key={`${a.clientId}-${a.waitingSince.toISOString()}`}>
                {a.therapistName
                  ? `An urgent alert is waiting for ${a.therapistName} about ${a.clientName}`
                  : `An urgent alert about ${a.clientName} is waiting and they have no therapist`}{' '}
                ({formatAge(a.waitingSince)}).
              </li>
            ))}
            {overCapacity.map((t) => (
              <li key={t.therapistId}>
                {t.name} has {t.activeClients} clients, over their capacity of {t.capacity}.
              </li>
            ))}
            {overview.unassignedClients > 0 && (
              <li>
                <Link href="/caseloads#unassigned-heading" className="text-brand-700 underline underline-offset-4">
                  {overview.unassignedClients === 1 ? '1 client has' : `${overview.unassignedClients} clients have`} no therapist yet.
                </Link>
              </li>
            )}
          </ul>
        )}
      </section>
    </div>
  );
}
