import type { CurrentUser } from '@/lib/auth/session';
import { listEscalationEmails } from '@/lib/dal/outreach';
import { momentText } from '@/lib/dates';

const kindWords = { alert_new: 'New urgent alert', alert_overdue: 'Escalation: still unacknowledged' } as const;

/** For the clinic admin: the content-free emails Tandem sent about urgent alerts, and whether each went. */
export async function EscalationEmails({ user }: { user: CurrentUser }) {
  const emails = await listEscalationEmails({ actor: user });
  return (
    <section aria-labelledby="escalation-emails-heading">
      <h2 id="escalation-emails-heading" className="mb-2 text-lg font-semibold">
        Alert emails sent
      </h2>
      <p className="mb-2 text-sm text-stone-700">
        Each urgent alert is emailed to its therapist at once; past the clinic’s escalation time, to them again and to every admin. The
        emails name no client.
      </p>
      {emails.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">No alert emails yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {emails.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 p-3 sm:flex-row sm:justify-between sm:gap-4">
              <span>
                {kindWords[e.kind]} → <strong>{e.recipientName}</strong>
              </span>
              <span className={e.status === 'failed' ? 'font-medium text-red-800' : 'text-stone-700'}>
                {momentText(e.sentAt, user.timeZone, { year: false })} ·{' '}
                {e.status === 'accepted' ? 'sent' : e.status === 'failed' ? `not sent: ${e.failureReason ?? 'unknown reason'}` : 'sending'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
