import type { SentReminder } from '@/lib/dal/outreach';
import { momentText } from '@/lib/dates';

const kindWords: Record<SentReminder['kind'], string> = {
  checkin: 'Check-in reminder',
  measure: 'Questionnaire reminder',
  nudge: 'Self-care nudge',
  activation: 'Reminder of a small plan',
};
const channelWords = { push: 'notification', email: 'email', in_app: 'note in Tandem' } as const;

function outcome(r: SentReminder): string {
  if (r.status === 'pending' || r.status === 'sending') return 'Sending';
  if (r.status === 'failed') return `Could not be sent${r.failureReason ? ` (${r.failureReason})` : ''}`;
  const via = r.channel ? `Sent as ${channelWords[r.channel]}` : 'Sent';
  const fallback = r.pushError && r.channel !== 'push' ? ' because the notification could not be delivered' : '';
  return `${via}${fallback}${r.openedAt ? ' · opened' : ''}`;
}

/** The client's recent reminders and what became of each. */
export function RecentReminders({ reminders, timeZone }: { reminders: SentReminder[]; timeZone: string }) {
  if (reminders.length === 0) return <p className="text-stone-700">No reminders have been sent yet.</p>;
  return (
    <ul aria-label="Recent reminders" className="flex flex-col divide-y divide-stone-200">
      {reminders.map((r) => (
        <li key={r.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:justify-between sm:gap-4">
          <span className="font-medium">{kindWords[r.kind]}</span>
          <span className="text-stone-700">
            <time dateTime={r.dueAt.toISOString()}>{momentText(r.dueAt, timeZone, { weekday: true, year: false })}</time> · {outcome(r)}
          </span>
        </li>
      ))}
    </ul>
  );
}
