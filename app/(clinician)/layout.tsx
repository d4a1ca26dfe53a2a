import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';

export default async function ClinicianLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('therapist');
  return (
    <AppShell user={user} nav={[{ href: '/caseload', label: 'Caseload' }]}>
      {children}
    </AppShell>
  );
}
