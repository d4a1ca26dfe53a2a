import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { CheckInForm } from '@/components/check-in/check-in-form';
import { MoodNudge } from '@/components/check-in/mood-nudge';
import { RecentDays } from '@/components/check-in/recent-days';
import { TimeZoneNote } from '@/components/check-in/time-zone-note';
import { emptyCheckIn, toFormValues } from '@/components/check-in/values';
import { CrisisResources } from '@/components/support/crisis-resources';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { moodNudge } from '@/lib/capture/nudge';
import { DEFAULT_ACTIVITY_TAGS, DEFAULT_EMOTION_TAGS } from '@/lib/capture/tags';
import { getCrisisResources } from '@/lib/dal/alerts';
import { listCheckIns, listCustomTags } from '@/lib/dal/check-ins';
import { addDays, localDateIn } from '@/lib/dates';

export const metadata: Metadata = { title: "Today's check-in" };

const confirmations: Record<string, string> = {
  new: 'Saved. Thank you for checking in.',
  updated: 'Your check-in is updated.',
  deleted: 'That check-in is deleted.',
  'time-zone': 'Your time zone is updated.',
  'time-zone-invalid': 'That is not a time zone Tandem knows, so yours is unchanged. Choose one from the list in Settings.',
};

export default async function CheckInPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; another?: string; support?: string }>;
}) {
  const user = await requireRole('client');
  const { saved, another, support } = await searchParams;
  const today = localDateIn(user.timeZone);
  const [history, customTags, crisis] = await Promise.all([
    listCheckIns({ actor: user, clientId: user.userId, from: addDays(today, -34), to: today }),
    listCustomTags({ actor: user }),
    getCrisisResources({ actor: user }),
  ]);
  const recent = history.filter((c) => c.localDate > addDays(today, -14));
  const todays = recent.filter((c) => c.localDate === today).at(-1);
  const isEditingToday = Boolean(todays) && another !== '1';
  const confirmation = saved ? confirmations[saved] : undefined;
  const nudge = saved === 'new' || saved === 'updated' ? moodNudge(history, today) : null;
  const tagGroups = [
    { label: 'Feelings', tags: DEFAULT_EMOTION_TAGS },
    { label: 'Activities', tags: DEFAULT_ACTIVITY_TAGS },
  ];

  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Today's check-in">
        <p>
          Hello, {user.name.split(' ')[0]}.{' '}
          {isEditingToday ? 'You have checked in today; you can change it until midnight.' : 'How are you doing?'}
        </p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        {confirmation && (
          <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 font-medium text-brand-800">
            {confirmation}
          </p>
        )}
        {support === '1' && <CrisisResources crisis={crisis} hasAlerted />}
        {nudge && <MoodNudge nudge={nudge} />}
        {saved === 'new' || saved === 'updated' ? (
          <>
            <RecentDays entries={recent} today={today} editable />
            <p>
              <Link href="/check-in" className="text-brand-700 underline underline-offset-4">
                Back to today’s check-in
              </Link>
            </p>
          </>
        ) : (
          <>
            <CheckInForm
              key={isEditingToday ? todays?.id : 'new'}
              checkInId={isEditingToday ? todays?.id : undefined}
              initial={isEditingToday && todays ? toFormValues(todays) : emptyCheckIn}
              tagGroups={tagGroups}
              ownTags={customTags}
              submitLabel={isEditingToday ? 'Update today’s check-in' : 'Save check-in'}
              crisis={crisis}
            />
            {isEditingToday && (
              <p className="text-sm">
                <Link href="/check-in?another=1" className="text-brand-700 underline underline-offset-4">
                  Add another check-in for today
                </Link>
              </p>
            )}
            <RecentDays entries={recent} today={today} editable />
          </>
        )}
        <TimeZoneNote timeZone={user.timeZone} />
      </div>
    </div>
  );
}
