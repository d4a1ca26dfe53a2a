import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('client');
  return (
    <AppShell
      user={user}
      nav={[
        { href: '/check-in', label: 'Check-in' },
        { href: '/measures', label: 'Questionnaires' },
        { href: '/journal', label: 'Journal' },
        { href: '/support', label: 'Support' },
      ]}
    >
      {children}
    </AppShell>
  );
}
