import type { CurrentUser } from '@/lib/auth/session';
import { getReminderHealth, type ReminderHealth } from '@/lib/dal/outreach';
import { dayText, localDateIn } from '@/lib/dates';

function sentence(health: ReminderHealth, timeZone: string): string {
  const day = (d: Date) => {
    const that = localDateIn(timeZone, d);
    return that === localDateIn(timeZone) ? 'today' : dayText(that, { month: 'short', year: false });
  };
  switch (health.state) {
    case 'off':
      return 'Reminders off';
    case 'waiting':
      return 'Reminders on · none sent yet';
    case 'delivered':
      return `Reminders on · last delivered ${day(health.lastDeliveredAt)}`;
    case 'push_failing':
      return `Push failing since ${day(health.since)}, ${health.fallback === 'email' ? 'emailing instead' : 'shown in the app instead'}`;
    case 'failing':
      return `Reminders failing since ${day(health.since)}`;
  }
}

/**
 * Beside the sharing sentence on the therapist's client page: whether the client's reminders
 * are on and reaching them. The fact only, and only while the client shares check-ins.
 */
export async function ReminderHealthNote({ user, clientId }: { user: CurrentUser; clientId: string }) {
  const health = await getReminderHealth({ actor: user, clientId }).catch(() => null);
  return <ReminderHealthLine health={health} timeZone={user.timeZone} />;
}

/** The same line from health already read (the client page reads it with the rest of the page). */
export function ReminderHealthLine({ health, timeZone }: { health: ReminderHealth | null; timeZone: string }) {
  if (!health) return null;
  const isTrouble = health.state === 'push_failing' || health.state === 'failing';
  return (
    <p data-testid="reminder-health" className={isTrouble ? 'text-sm font-medium text-amber-900' : 'text-sm text-stone-700'}>
      <span aria-hidden="true">{isTrouble ? '⚠ ' : '🔔 '}</span>
      {sentence(health, timeZone)}
    </p>
  );
}
