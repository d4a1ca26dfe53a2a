import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';
import { getOnboardingState } from '@/lib/dal/consent';
import { clientNav } from '../(client)/client-nav';

// Crisis help is never behind a gate: a client who still has onboarding choices to make reaches
// it too, with the welcome screen's navigation (none) rather than links that lead back there.
export default async function HelpLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('client');
  const { needsWelcome } = await getOnboardingState({ actor: user });
  return (
    <AppShell user={user} nav={needsWelcome ? [{ href: '/welcome', label: 'Welcome' }] : clientNav}>
      {children}
    </AppShell>
  );
}
