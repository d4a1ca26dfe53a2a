import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getClinicOverview } from '@/lib/dal/clinic';

export const metadata: Metadata = { title: 'Clinic overview' };

export default async function ClinicOverviewPage() {
  const user = await requireRole('admin');
  const overview = await getClinicOverview({ actor: user });
  const figures = [
    { label: 'Therapists', value: overview.therapists },
    { label: 'Clients', value: overview.clients },
    { label: 'Active assignments', value: overview.activeAssignments },
    { label: 'Clients without a therapist', value: overview.unassignedClients },
    { label: 'Admins', value: overview.admins },
  ];

  return (
    <div>
      <PageHeader title="Clinic overview">
        <p>{overview.clinicName}</p>
      </PageHeader>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label} className="rounded-lg border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-600">{f.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
