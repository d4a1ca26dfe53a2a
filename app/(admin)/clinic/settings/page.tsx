import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getClinicSettings, getSignInSettings } from '@/lib/dal/settings';
import { CompanionModelSetting } from './companion-model';
import { SettingsForm } from './settings-form';
import { SignInSettingsForm } from './sign-in-settings-form';

export const metadata: Metadata = { title: 'Clinic settings' };

export default async function SettingsPage() {
  const user = await requireRole('admin');
  const [{ clinicName, ...settings }, signInSettings] = await Promise.all([
    getClinicSettings({ actor: user }),
    getSignInSettings({ actor: user }),
  ]);
  return (
    <div className="max-w-3xl">
      <PageHeader title="Clinic settings">
        <p>{clinicName}. Every change is recorded in the audit log.</p>
      </PageHeader>
      <SettingsForm settings={settings} />
      <div className="mt-6">
        <CompanionModelSetting actor={user} />
      </div>
      <SignInSettingsForm settings={signInSettings} />
    </div>
  );
}
