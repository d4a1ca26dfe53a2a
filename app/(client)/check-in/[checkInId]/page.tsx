import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { CheckInForm } from '@/components/check-in/check-in-form';
import { toFormValues } from '@/components/check-in/values';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { isCheckInToday } from '@/lib/capture/check-in-day';
import { DEFAULT_ACTIVITY_TAGS, DEFAULT_EMOTION_TAGS } from '@/lib/capture/tags';
import { getCrisisResources } from '@/lib/dal/alerts';
import { getCheckIn, listCustomTags } from '@/lib/dal/check-ins';
import { TandemError } from '@/lib/errors';
import { removeCheckIn } from '../actions';
import { dayText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Change a check-in' };

export default async function EditCheckInPage({ params }: { params: Promise<{ checkInId: string }> }) {
  const user = await requireRole('client');
  const { checkInId } = await params;
  const checkIn = await getCheckIn({ actor: user, checkInId }).catch((error: unknown) => {
    if (error instanceof TandemError && error.status === 404) notFound();
    throw error;
  });
  const [customTags, crisis] = await Promise.all([listCustomTags({ actor: user }), getCrisisResources({ actor: user })]);
  const day = dayText(checkIn.localDate, { weekday: 'long', year: false });
  const isToday = isCheckInToday(checkIn.localDate, user.timeZone, new Date());

  return (
    <div className="mx-auto max-w-xl">
      <Link href="/check-in" className="mb-4 inline-block text-sm text-brand-700 underline underline-offset-4">
        Back to today’s check-in
      </Link>
      <PageHeader title={isToday ? 'Change today’s check-in' : 'Correct a check-in'}>
        <p>
          From {day}. {isToday ? '' : 'It stays on that day.'}
        </p>
      </PageHeader>
      <div className="flex flex-col gap-6">
        <CheckInForm
          checkInId={checkIn.id}
          initial={toFormValues(checkIn)}
          tagGroups={[
            { label: 'Feelings', tags: DEFAULT_EMOTION_TAGS },
            { label: 'Activities', tags: DEFAULT_ACTIVITY_TAGS },
          ]}
          ownTags={customTags}
          submitLabel="Save changes"
          crisis={crisis}
        />
        <details className="rounded-lg border border-stone-200 bg-white">
          <summary className="flex min-h-12 cursor-pointer items-center px-4 font-medium text-red-800">Delete this check-in</summary>
          <form action={removeCheckIn} className="flex flex-col gap-3 border-t border-stone-200 p-4">
            <input type="hidden" name="checkInId" value={checkIn.id} />
            <p>Deleting it removes it from your history and from what your therapist can see. This cannot be undone.</p>
            <button
              type="submit"
              className="min-h-12 rounded-lg border border-red-300 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50"
            >
              Yes, delete this check-in
            </button>
          </form>
        </details>
      </div>
    </div>
  );
}
