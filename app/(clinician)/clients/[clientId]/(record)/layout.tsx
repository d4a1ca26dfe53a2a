import type { ReactNode } from 'react';
import { ReminderHealthNote } from '@/components/outreach/reminder-health';
import { requireRole } from '@/lib/auth/session';
import { getClientOverview } from '@/lib/dal/client-record';
import { ClientHeader } from '../client-header';
import { ClientNav } from '../client-nav';
import { orNotFound } from '../or-not-found';

// The heading and sub-navigation of the notes and care-plan pages (the overview reads its heading
// with the rest of its page in one transaction). Each page below still authorizes its own reads
// through the DAL: a layout does not guard the pages it wraps.
export default async function ClientRecordLayout({ children, params }: { children: ReactNode; params: Promise<{ clientId: string }> }) {
  const user = await requireRole('therapist');
  const { clientId } = await params;
  const client = await orNotFound(getClientOverview({ actor: user, clientId }));
  return (
    <div>
      <ClientHeader client={client} reminders={<ReminderHealthNote user={user} clientId={clientId} />} />
      <ClientNav clientId={clientId} />
      {children}
    </div>
  );
}
