import { Link } from '@/components/ui/link';
import { addDays, dayText } from '@/lib/dates';

type Entry = { id: string; localDate: string; mood: number };

/** The last 14 days at a glance: one bar per day (the day's mean mood), with a text summary. */
export function RecentDays({ entries, today, editable = false }: { entries: Entry[]; today: string; editable?: boolean }) {
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i - 13));
  const byDay = new Map<string, number[]>();
  for (const e of entries) byDay.set(e.localDate, [...(byDay.get(e.localDate) ?? []), e.mood]);
  const means = days.map((d) => {
    const moods = byDay.get(d);
    return moods ? moods.reduce((a, b) => a + b, 0) / moods.length : null;
  });
  const logged = means.filter((m): m is number => m !== null);
  const average = logged.length ? (logged.reduce((a, b) => a + b, 0) / logged.length).toFixed(1) : null;
  const summary =
    logged.length === 0
      ? 'No check-ins in the last 14 days yet.'
      : `You checked in on ${logged.length} of the last 14 days. Your average mood was ${average} out of 10.`;

  return (
    <section aria-labelledby="recent-heading" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="recent-heading" className="mb-1 font-medium">
        Your last 14 days
      </h2>
      <p className="mb-3 text-sm text-stone-700">{summary}</p>
      <div aria-hidden="true" className="grid h-28 grid-cols-14 items-end gap-1">
        {means.map((m, i) => (
          <div key={days[i]} className="flex h-full flex-col items-center justify-end gap-1">
            <div
              className={m === null ? 'h-1 w-full rounded-sm bg-stone-200' : 'w-full rounded-sm bg-brand-600'}
              style={m === null ? undefined : { height: `${(m / 10) * 100}%` }}
            />
            <span className="text-[10px] leading-none text-stone-600">
              {dayText(days[i] as string, { weekday: 'narrow', month: 'none' })}
            </span>
          </div>
        ))}
      </div>
      {entries.length > 0 && (
        <details className="mt-3">
          <summary className="cursor-pointer py-2 text-sm font-medium text-brand-700">
            List of these check-ins{editable ? ', to correct or delete' : ''}
          </summary>
          <ul className="mt-1 flex flex-col">
            {entries
              .slice()
              .reverse()
              .map((e) => (
                <li key={e.id} className="flex items-center justify-between gap-2 border-b border-stone-100 py-1 text-sm last:border-0">
                  <span>
                    {dayText(e.localDate, { weekday: 'long', year: false })}: mood {e.mood} of 10
                  </span>
                  {editable && (
                    <Link href={`/check-in/${e.id}`} className="rounded px-2 py-2 text-brand-700 underline underline-offset-4">
                      Edit<span className="sr-only"> the check-in of {dayText(e.localDate, { weekday: 'long', year: false })}</span>
                    </Link>
                  )}
                </li>
              ))}
          </ul>
        </details>
      )}
    </section>
  );
}
