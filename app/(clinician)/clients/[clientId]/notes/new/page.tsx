import type { Metadata } from 'next';
import { NewNoteForm } from '@/components/notes/new-note-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { listSessionDates } from '@/lib/dal/notes';
import { localDateIn } from '@/lib/dates';
import { sessionDateText } from '../format';
import { loadOrNotFound } from '../load';

export const metadata: Metadata = { title: 'New session note' };

export default async function NewNotePage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const user = await requireRole('therapist');
  const sessions = await loadOrNotFound(() => listSessionDates({ actor: user, clientId }));
  const last = sessions.at(-1);

  return (
    <div className="max-w-2xl">
      <PageHeader title="New session note">
        <p>{last ? `The last signed session was on ${sessionDateText(last.sessionDate)}.` : 'No signed session yet.'}</p>
      </PageHeader>
      <NewNoteForm clientId={clientId} today={localDateIn(user.timeZone)} />
    </div>
  );
}
