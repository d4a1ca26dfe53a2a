import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { ReminderBanner } from '@/components/outreach/reminder-banner';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';
import { getOnboardingState } from '@/lib/dal/consent';
import { clientNav } from './client-nav';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('client');
  // First sign-in, or a new therapist not yet asked about: the client chooses before anything else.
  // Support lives outside this layout, in (help), so crisis help is never behind this gate.
  if ((await getOnboardingState({ actor: user })).needsWelcome) redirect('/welcome');
  return (
    <AppShell user={user} nav={clientNav}>
      <ReminderBanner user={user} />
      {children}
    </AppShell>
  );
}
