import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { EscalationEmails } from '@/components/outreach/escalation-emails';
import { primaryButton, smallButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCaseloads, listClientsWithoutTherapist, listDismissedUrgentSignals, NOT_LOGGING_DAYS } from '@/lib/dal/clinic-caseloads';
import { CapacityForm } from './capacity-form';
import { ageText, momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Caseloads' };

export default async function CaseloadsPage({ searchParams }: { searchParams: Promise<{ assigned?: string }> }) {
  const user = await requireRole('admin');
  const { assigned } = await searchParams;
  const [{ therapists, waitingAlerts }, unassigned, dismissedUrgent] = await Promise.all([
    listCaseloads({ actor: user }),
    listClientsWithoutTherapist({ actor: user }),
    listDismissedUrgentSignals({ actor: user }),
  ]);
  const changed = Number(assigned);

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title="Caseloads">
          <p>
            Who carries which clients, and what needs attention. Counts and dates only: what clients log stays between them and their
            therapist.
          </p>
        </PageHeader>
        <Link href="/caseloads/assign" className={primaryButton}>
          Assign or reassign clients
        </Link>
      </div>
      {Number.isInteger(changed) && assigned !== undefined && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {changed === 1 ? '1 client was assigned.' : `${changed} clients were assigned.`} Previous therapists no longer have access.
        </p>
      )}

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="mb-2 text-lg font-semibold">
          Urgent alerts waiting
        </h2>
        {waitingAlerts.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            No urgent alert has waited past the clinic’s escalation time.
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {waitingAlerts.map((a) => (
              <li
                key={`${a.clientId}-${a.waitingSince.toISOString()}`}
                className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900"
              >
                {a.therapistName ? (
                  <>
                    An urgent alert is waiting for <strong>{a.therapistName}</strong> about <strong>{a.clientName}</strong>
                  </>
                ) : (
                  <>
                    An urgent alert about <strong>{a.clientName}</strong> is waiting, and they have no therapist: assign one now
                  </>
                )}{' '}
                — unacknowledged for {ageText(a.waitingSince)} (since {momentText(a.waitingSince, user.timeZone)}).
              </li>
            ))}
          </ul>
        )}
      </section>

      <EscalationEmails user={user} />

      <section aria-labelledby="dismissed-heading">
        <h2 id="dismissed-heading" className="mb-2 text-lg font-semibold">
          Urgent signals dismissed in the last 30 days
        </h2>
        <p className="mb-2 text-sm text-stone-700">
          A therapist may set aside a risk signal with a reason they keep on record. You see that it happened, not why.
        </p>
        {dismissedUrgent.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">None.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {dismissedUrgent.map((d) => (
              <li
                key={`${d.clientName}-${d.at.toISOString()}`}
                className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-stone-900"
              >
                <strong>{d.therapistName}</strong> dismissed an urgent signal about <strong>{d.clientName}</strong> on{' '}
                {momentText(d.at, user.timeZone)}.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="therapists-heading">
        <h2 id="therapists-heading" className="mb-2 text-lg font-semibold">
          Therapists
        </h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Each therapist’s active clients, capacity and what needs attention</caption>
            <thead className="bg-stone-100 text-stone-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Therapist
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Active clients
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Capacity
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Not logging <span className="font-normal text-stone-600">({NOT_LOGGING_DAYS}+ days)</span>
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Measures overdue
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Alerts waiting
                </th>
              </tr>
            </thead>
            <tbody>
              {therapists.map((t) => {
                const isOver = t.capacity !== null && t.activeClients > t.capacity;
                return (
                  <tr key={t.therapistId} className="border-t border-stone-100 align-top">
                    <th scope="row" className="px-4 py-2 font-medium">
                      {t.name}
                      {t.isDeactivated && <span className="block text-xs font-normal text-stone-600">Deactivated</span>}
                    </th>
                    <td className="px-4 py-2">
                      {t.activeClients}
                      {isOver && (
                        <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900">Over capacity</span>
                      )}
                    </td>
                    <td className="px-4 py-2">
                      <CapacityForm therapistId={t.therapistId} therapistName={t.name} capacity={t.capacity} />
                    </td>
                    <td className="px-4 py-2">{t.notLogging}</td>
                    <td className="px-4 py-2">{t.overdueMeasures}</td>
                    <td className={`px-4 py-2 ${t.waitingAlerts > 0 ? 'font-semibold text-red-800' : ''}`}>{t.waitingAlerts}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="unassigned-heading">
        <h2 id="unassigned-heading" className="mb-2 text-lg font-semibold">
          Clients without a therapist
        </h2>
        {unassigned.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">
            Every active client has a therapist.
          </p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {unassigned.map((c) => (
              <li key={c.clientId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <Link href={`/caseloads/clients/${c.clientId}`} className="font-medium hover:underline">
                  {c.name}
                </Link>
                <Link href={`/caseloads/assign?client=${c.clientId}`} className={smallButton} aria-label={`Assign ${c.name}`}>
                  Assign
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
