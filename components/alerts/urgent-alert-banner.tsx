import { Link } from '@/components/ui/link';
import { RISK_SOURCE_WORDS } from '@/lib/clinical/risk-sources';
import { agoText } from '@/lib/dates';
import type { OpenAlert } from '@/lib/dal/alerts';

function describe(alert: OpenAlert, now: Date): string {
  const answer = alert.kind === 'item9' && alert.answer !== null ? ` (answer ${alert.answer} of 3)` : '';
  const what = alert.kind === 'item9' ? 'PHQ-9 item 9 answered' : `Risk language in ${RISK_SOURCE_WORDS[alert.source]} written`;
  return `${what} by ${alert.clientName} ${agoText(alert.createdAt, now)}${answer}`;
}

/** Unacknowledged urgent alerts, on every page of the therapist's area until someone acts on them. */
export function UrgentAlertBanner({ alerts, now }: { alerts: OpenAlert[]; now: Date }) {
  if (alerts.length === 0) return null;
  const [first] = alerts;
  return (
    <section aria-labelledby="urgent-alerts-heading" className="mb-6 rounded-lg border-2 border-red-300 bg-red-50 p-4 text-red-950">
      <h2 id="urgent-alerts-heading" className="font-semibold">
        {alerts.length === 1 && first ? `1 urgent alert: ${describe(first, now)}` : `${alerts.length} urgent alerts`}
      </h2>
      {alerts.length > 1 && (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {alerts.map((a) => (
            <li key={a.id}>{describe(a, now)}</li>
          ))}
        </ul>
      )}
      <Link href="/alerts" className="mt-2 inline-block font-medium underline underline-offset-4">
        Review and acknowledge
      </Link>
    </section>
  );
}
