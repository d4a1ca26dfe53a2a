import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listCheckIns } from '@/lib/dal/check-ins';
import { addDays, localDateIn } from '@/lib/dates';

export const metadata: Metadata = { title: "Today's check-in" };

export default async function CheckInPage() {
  const user = await requireRole('client');
  const today = localDateIn(user.timeZone);
  const recent = await listCheckIns({ actor: user, clientId: user.userId, from: addDays(today, -13), to: today });
  const hasCheckedInToday = recent.some((c) => c.localDate === today);

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Today's check-in">
        <p>
          Hello, {user.name.split(' ')[0]}.{' '}
          {hasCheckedInToday ? 'You have checked in today.' : 'You have not checked in yet today.'}
        </p>
      </PageHeader>
      <section aria-labelledby="recent-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="recent-heading" className="mb-3 font-medium">
          Your last 14 days
        </h2>
        {recent.length === 0 ? (
          <p className="text-stone-700">No check-ins in the last 14 days.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {recent
              .slice()
              .reverse()
              .map((c) => (
                <li key={c.id} className="flex justify-between border-b border-stone-100 py-1 last:border-0">
                  <span>{new Date(`${c.localDate}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })}</span>
                  <span>Mood {c.mood} of 10</span>
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
