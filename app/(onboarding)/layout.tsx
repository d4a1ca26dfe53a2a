import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';

// Outside the client area's layout, which sends a client who still has choices to make here.
export default async function OnboardingLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('client');
  return (
    <AppShell user={user} nav={[]}>
      {children}
    </AppShell>
  );
}
