import type { ReactNode } from 'react';
import { UrgentAlertBanner } from '@/components/alerts/urgent-alert-banner';
import { AppShell } from '@/components/ui/app-shell';
import { requireRole } from '@/lib/auth/session';
import { listOpenAlerts } from '@/lib/dal/alerts';

export default async function ClinicianLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('therapist');
  const alerts = await listOpenAlerts({ actor: user });
  return (
    <AppShell
      user={user}
      isWide
      nav={[
        { href: '/caseload', label: 'Caseload' },
        { href: '/alerts', label: alerts.length > 0 ? `Alerts (${alerts.length})` : 'Alerts' },
      ]}
    >
      <UrgentAlertBanner alerts={alerts} now={new Date()} />
      {children}
    </AppShell>
  );
}
