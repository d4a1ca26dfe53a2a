import type { ReactNode } from 'react';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';

const nav = [
  { href: '/clinic', label: 'Overview' },
  { href: '/people', label: 'People' },
  { href: '/caseloads', label: 'Caseloads' },
  { href: '/audit', label: 'Audit log' },
  { href: '/clinic/settings', label: 'Settings' },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('admin');
  return (
    <AppShell user={user} nav={nav}>
      {children}
    </AppShell>
  );
}
