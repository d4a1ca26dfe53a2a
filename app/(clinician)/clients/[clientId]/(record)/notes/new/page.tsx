import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NewNoteForm } from '@/components/notes/new-note-form';
import { SinceLastSession, SinceLastSessionSkeleton } from '../../../since-last-session';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listSessionDates } from '@/lib/dal/notes';
import { dayText, localDateIn } from '@/lib/dates';
import { orNotFound } from '../../../or-not-found';

export const metadata: Metadata = { title: 'New session note' };

export default async function NewNotePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const user = await requireRole('therapist');
  const sessions = await orNotFound(listSessionDates({ actor: user, clientId }));
  const last = sessions.at(-1);

  return (
    <div className="flex flex-col gap-6 xl:grid xl:grid-cols-[minmax(0,1fr)_28rem] xl:items-start xl:gap-8">
      <div className="max-w-2xl">
        <PageHeader title="New session note">
          <p>
            {last
              ? `The last signed session was on ${dayText(last.sessionDate, { weekday: 'short', month: 'short' })}.`
              : 'No signed session yet.'}
          </p>
        </PageHeader>
        <NewNoteForm clientId={clientId} today={localDateIn(user.timeZone)} />
      </div>
      <Suspense fallback={<SinceLastSessionSkeleton />}>
        <SinceLastSession actor={user} clientId={clientId} hasStartLink={false} />
      </Suspense>
    </div>
  );
}
