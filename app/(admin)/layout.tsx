import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('admin');
  return (
    <AppShell user={user} nav={[{ href: '/clinic', label: 'Clinic overview' }]}>
      {children}
    </AppShell>
  );
}
