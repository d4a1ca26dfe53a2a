import type { ReactNode } from 'react';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';
import { getOnboardingState } from '@/lib/dal/consent';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('client');
  // First sign-in, or a new therapist not yet asked about: the client chooses before anything else.
  if ((await getOnboardingState({ actor: user })).needsWelcome) redirect('/welcome');
  return (
    <AppShell
      user={user}
      nav={[
        { href: '/check-in', label: 'Check-in' },
        { href: '/measures', label: 'Questionnaires' },
        { href: '/journal', label: 'Journal' },
        { href: '/history', label: 'History' },
        { href: '/sharing', label: 'Sharing' },
        { href: '/settings', label: 'Settings' },
        { href: '/support', label: 'Support' },
      ]}
    >
      {children}
    </AppShell>
  );
}
