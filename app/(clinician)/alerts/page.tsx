import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listAlertInbox, type InboxAlert } from '@/lib/dal/alerts';
import { acknowledgementLabels } from '@/lib/validation/alerts';
import { AcknowledgeForm } from './acknowledge-form';

export const metadata: Metadata = { title: 'Urgent alerts' };

const what = { item9: 'Answered PHQ-9 item 9 (thoughts of being better off dead or of self-harm)', crisis_language: 'Wrote crisis language in a journal entry' } as const;
const answers = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

function when(at: Date, timeZone: string) {
  return at.toLocaleString('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

function Detail({ alert }: { alert: InboxAlert }) {
  return (
    <p className="text-stone-800">
      {what[alert.kind]}
      {alert.kind === 'item9' && alert.answer !== null && <>: &ldquo;{answers[alert.answer]}&rdquo; ({alert.answer} of 3)</>}.
    </p>
  );
}

export default async function AlertsPage() {
  const user = await requireRole('therapist');
  const alerts = await listAlertInbox({ actor: user });
  const open = alerts.filter((a) => !a.acknowledgement);
  const done = alerts.filter((a) => a.acknowledgement);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Urgent alerts">
        <p>Risk answers and crisis language from your clients, newest first. Each needs you to record what you did.</p>
      </PageHeader>
      <section aria-labelledby="open-heading" className="mb-8">
        <h2 id="open-heading" className="mb-3 text-lg font-medium">
          Waiting for you ({open.length})
        </h2>
        {open.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No alert is waiting.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {open.map((alert) => (
              <li key={alert.id} aria-label={`Alert about ${alert.clientName}`} className="rounded-lg border-2 border-red-300 bg-white p-4">
                <p className="font-semibold">
                  {alert.clientName} <span className="font-normal text-stone-600">· {when(alert.createdAt, user.timeZone)}</span>
                </p>
                <Detail alert={alert} />
                <AcknowledgeForm alertId={alert.id} clientName={alert.clientName} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="done-heading">
        <h2 id="done-heading" className="mb-3 text-lg font-medium">
          Acknowledged
        </h2>
        {done.length === 0 ? (
          <p className="text-stone-700">None yet.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {done.map((alert) => (
              <li key={alert.id} aria-label={`Acknowledged alert about ${alert.clientName}`} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-medium">
                  {alert.clientName} <span className="font-normal text-stone-600">· {when(alert.createdAt, user.timeZone)}</span>
                </p>
                <Detail alert={alert} />
                {alert.acknowledgement && (
                  <p className="mt-1 text-sm text-stone-700">
                    {acknowledgementLabels[alert.acknowledgement.action]}
                    {alert.acknowledgement.note ? `: ${alert.acknowledgement.note}` : ''} — {alert.acknowledgement.byName ?? 'a former colleague'},{' '}
                    {when(alert.acknowledgement.at, user.timeZone)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
