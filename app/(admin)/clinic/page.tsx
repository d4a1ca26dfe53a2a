import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { smallButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseloads, listClientsWithoutTherapist, type ClientWithoutTherapist } from '@/lib/dal/clinic-caseloads';
import { getClinicOverview } from '@/lib/dal/clinic';
import { ageText, momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Clinic overview' };

export default async function ClinicOverviewPage() {
  const user = await requireRole('admin');
  const [overview, caseloads, withoutTherapist] = await Promise.all([
    getClinicOverview({ actor: user }),
    listCaseloads({ actor: user }),
    listClientsWithoutTherapist({ actor: user }),
  ]);
  const therapists = caseloads.therapists.filter((t) => !t.isDeactivated);
  const overCapacity = therapists.filter((t) => t.capacity !== null && t.activeClients > t.capacity);
  const notLogging = therapists.reduce((sum, t) => sum + t.notLogging, 0);
  const alertsWithNoTherapist = withoutTherapist.reduce((sum, c) => sum + c.openAlerts, 0);
  const figures = [
    { label: 'Therapists', value: overview.therapists, href: '/people?role=therapist&status=active' },
    { label: 'Clients', value: overview.clients, href: '/people?role=client&status=active' },
    { label: 'Clients without a therapist', value: withoutTherapist.length, href: '#without-therapist-heading' },
    { label: 'Urgent alerts waiting', value: caseloads.waitingAlerts.length, href: '/caseloads#waiting-heading' },
    { label: 'Clients not logging', value: notLogging, href: '/caseloads' },
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Clinic overview">
        <p>{overview.clinicName}</p>
      </PageHeader>
      {alertsWithNoTherapist > 0 && (
        <section aria-labelledby="no-therapist-alerts-heading" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <h2 id="no-therapist-alerts-heading" className="font-semibold">
            {alertsWithNoTherapist === 1 ? 'An urgent alert is' : `${alertsWithNoTherapist} urgent alerts are`} waiting with no therapist to
            act on {alertsWithNoTherapist === 1 ? 'it' : 'them'}
          </h2>
          <p className="mt-1">
            Until a therapist is assigned, these are yours: contact the client (details below) and assign a therapist, who then receives the
            alert.
          </p>
        </section>
      )}
      {alertsWithNoTherapist > 0 && <ClientsWithoutTherapist clients={withoutTherapist} timeZone={user.timeZone} />}
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
      {alertsWithNoTherapist === 0 && <ClientsWithoutTherapist clients={withoutTherapist} timeZone={user.timeZone} />}
      <section aria-labelledby="attention-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="attention-heading" className="mb-2 font-semibold">
          Needs your attention
        </h2>
        {caseloads.waitingAlerts.length === 0 && overCapacity.length === 0 && withoutTherapist.length === 0 ? (
          <p className="text-stone-700">
            Nothing right now. Every client has a therapist, no one is over capacity and no urgent alert is waiting.
          </p>
        ) : (
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {caseloads.waitingAlerts.map((a) => (
              <li key={`${a.clientId}-${a.waitingSince.toISOString()}`}>
                {a.therapistName
                  ? `An urgent alert is waiting for ${a.therapistName} about ${a.clientName}`
                  : `An urgent alert about ${a.clientName} is waiting and they have no therapist`}{' '}
                ({ageText(a.waitingSince)}).
              </li>
            ))}
            {overCapacity.map((t) => (
              <li key={t.therapistId}>
                {t.name} has {t.activeClients} clients, over their capacity of {t.capacity}.
              </li>
            ))}
            {withoutTherapist.length > 0 && (
              <li>
                <Link href="#without-therapist-heading" className="text-brand-700 underline underline-offset-4">
                  {withoutTherapist.length === 1 ? '1 client has' : `${withoutTherapist.length} clients have`} no therapist.
                </Link>
              </li>
            )}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Who has no therapist, how to reach them, and what waits for them: never what an alert says. */
function ClientsWithoutTherapist({ clients, timeZone }: { clients: ClientWithoutTherapist[]; timeZone: string }) {
  return (
    <section aria-labelledby="without-therapist-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="without-therapist-heading" className="mb-2 font-semibold">
        Clients without a therapist
      </h2>
      {clients.length === 0 ? (
        <p className="text-stone-700">Every active client has a therapist who can sign in.</p>
      ) : (
        <>
          <p className="mb-3 text-stone-700">
            No therapist who can sign in is assigned to these clients. Their urgent alerts come to the clinic’s admins until someone is
            assigned.
          </p>
          <ul aria-label="Clients without a therapist" className="divide-y divide-stone-100 border-y border-stone-100">
            {clients.map((c) => (
              <li
                key={c.clientId}
                className={`grid gap-2 px-2 py-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start ${c.openAlerts > 0 ? 'bg-red-50' : ''}`}
              >
                <div>
                  <p className="font-medium">{c.name}</p>
                  <p className={`text-sm ${c.openAlerts > 0 ? 'font-semibold text-red-800' : 'text-stone-600'}`}>
                    {c.openAlerts === 0
                      ? 'No urgent alert waiting'
                      : `${c.openAlerts === 1 ? '1 urgent alert' : `${c.openAlerts} urgent alerts`} waiting`}
                    {c.openAlerts > 0 && c.oldestOpenAlert && (
                      <span className="block font-normal">
                        for {ageText(c.oldestOpenAlert)}, since {momentText(c.oldestOpenAlert, timeZone)}
                      </span>
                    )}
                  </p>
                </div>
                <div className="min-w-0 text-sm">
                  <a href={`mailto:${c.email}`} className="block break-all text-brand-700 underline underline-offset-4">
                    {c.email}
                  </a>
                  {c.phone && (
                    <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`} className="block text-brand-700 underline underline-offset-4">
                      {c.phone}
                    </a>
                  )}
                </div>
                <Link
                  href={`/caseloads/assign?client=${c.clientId}`}
                  className={`${smallButton} justify-self-start`}
                  aria-label={`Assign a therapist to ${c.name}`}
                >
                  Assign a therapist
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
