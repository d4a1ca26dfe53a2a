import type { PlannedReminderDto } from '@/lib/dal/companion-reminders';
import { wallClockText } from '@/lib/dates';

const plannedWhen = (p: PlannedReminderDto) => wallClockText(p.localDate, p.localTime);

/** The client's reminders still to come from the companion, each with a button to cancel it. */
export function PlannedReminders({
  planned,
  from,
  cancel,
}: {
  planned: PlannedReminderDto[];
  from: 'settings' | 'companion';
  cancel: (data: FormData) => Promise<void>;
}) {
  if (planned.length === 0)
    return (
      <p className="text-stone-700">None planned. After choosing a small thing with the companion, you can ask it to remind you once.</p>
    );
  return (
    <ul aria-label="Planned with the companion" className="flex flex-col divide-y divide-stone-200">
      {planned.map((p) => (
        <li key={p.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
          <span className="break-words">
            <time dateTime={p.dueAt.toISOString()} className="font-medium">
              {plannedWhen(p)}
            </time>{' '}
            · {p.activity}
          </span>
          <form action={cancel}>
            <input type="hidden" name="reminderId" value={p.id} />
            <input type="hidden" name="from" value={from} />
            <button type="submit" className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100">
              Cancel<span className="sr-only"> the reminder for {plannedWhen(p)}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
