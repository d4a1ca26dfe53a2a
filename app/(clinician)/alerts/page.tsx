import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { RISK_CATEGORY_LABELS } from '@/lib/clinical/risk-categories';
import { RISK_SOURCE_WORDS } from '@/lib/clinical/risk-sources';
import { listAlertInbox, type InboxAlert } from '@/lib/dal/alerts';
import { acknowledgementLabels } from '@/lib/validation/alerts';
import { AcknowledgeForm } from './acknowledge-form';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Urgent alerts' };

const answers = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

function hoursText(ms: number) {
  const hours = Math.round(Math.abs(ms) / (60 * 60 * 1000));
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.round(hours / 24)} days`;
}

function Detail({ alert }: { alert: InboxAlert }) {
  if (alert.kind === 'item9') {
    return (
      <p className="text-stone-800">
        Answered PHQ-9 item 9 (thoughts of being better off dead or of self-harm)
        {alert.answer !== null && (
          <>
            : &ldquo;{answers[alert.answer]}&rdquo; ({alert.answer} of 3)
          </>
        )}
        .
      </p>
    );
  }
  return (
    <p className="text-stone-800">
      Risk language in {RISK_SOURCE_WORDS[alert.source]}
      {alert.riskCategory && <> ({RISK_CATEGORY_LABELS[alert.riskCategory]})</>}. The words stay with the client unless they share them.
    </p>
  );
}

function Contact({ alert }: { alert: InboxAlert }) {
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-stone-600">Phone</dt>
      <dd>
        {alert.contact.phone ? (
          <a href={`tel:${alert.contact.phone.replace(/[^+0-9]/g, '')}`} className="text-brand-700 underline underline-offset-4">
            {alert.contact.phone}
          </a>
        ) : (
          'Not given'
        )}
      </dd>
      <dt className="text-stone-600">Email</dt>
      <dd className="break-all">
        <a href={`mailto:${alert.contact.email}`} className="text-brand-700 underline underline-offset-4">
          {alert.contact.email}
        </a>
      </dd>
    </dl>
  );
}

function Escalation({ alert, now }: { alert: InboxAlert; now: Date }) {
  const left = alert.escalatesAt.getTime() - now.getTime();
  return left > 0 ? (
    <p className="mt-2 text-sm text-stone-700">The clinic admin is told in {hoursText(left)} if it is not acknowledged.</p>
  ) : (
    <p className="mt-2 text-sm font-medium text-red-800">
      Waiting {hoursText(left)} past the clinic&rsquo;s escalation time: the clinic admin has been told.
    </p>
  );
}

export default async function AlertsPage() {
  const user = await requireRole('therapist');
  const alerts = await listAlertInbox({ actor: user });
  const open = alerts.filter((a) => !a.acknowledgement);
  const done = alerts.filter((a) => a.acknowledgement);
  const now = new Date();

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Urgent alerts">
        <p>Risk answers and risk language from your clients, newest first. Each needs you to record what you did.</p>
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
                  <Link href={`/clients/${alert.clientId}`} className="text-brand-700 underline underline-offset-4">
                    {alert.clientName}
                  </Link>{' '}
                  <span className="font-normal text-stone-600">
                    · {momentText(alert.createdAt, user.timeZone, { weekday: true, year: false })}
                  </span>
                </p>
                <Detail alert={alert} />
                <Contact alert={alert} />
                <Escalation alert={alert} now={now} />
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
              <li
                key={alert.id}
                aria-label={`Acknowledged alert about ${alert.clientName}`}
                className="rounded-lg border border-stone-200 bg-white p-4"
              >
                <p className="font-medium">
                  <Link href={`/clients/${alert.clientId}`} className="text-brand-700 underline underline-offset-4">
                    {alert.clientName}
                  </Link>{' '}
                  <span className="font-normal text-stone-600">
                    · {momentText(alert.createdAt, user.timeZone, { weekday: true, year: false })}
                  </span>
                </p>
                <Detail alert={alert} />
                {alert.acknowledgement && (
                  <p className="mt-1 text-sm text-stone-700">
                    {acknowledgementLabels[alert.acknowledgement.action]}
                    {alert.acknowledgement.note ? `: ${alert.acknowledgement.note}` : ''} —{' '}
                    {alert.acknowledgement.byName ?? 'a former colleague'},{' '}
                    {momentText(alert.acknowledgement.at, user.timeZone, { weekday: true, year: false })}
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
