import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { getOnboardingState, SCOPES } from '@/lib/dal/consent';
import { SAFETY_EXCEPTION, scopeText } from '../../(client)/sharing/scope-text';
import { WelcomeForm } from './welcome-form';

export const metadata: Metadata = { title: 'Welcome' };

export default async function WelcomePage() {
  const user = await requireRole('client');
  const { needsWelcome, hasOnboarded, pendingTherapists } = await getOnboardingState({ actor: user });
  if (!needsWelcome) redirect('/check-in');
  const isFirstVisit = !hasOnboarded;
  const timeZones = Intl.supportedValuesOf('timeZone');
  if (!timeZones.includes(user.timeZone)) timeZones.unshift(user.timeZone);

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title={isFirstVisit ? `Welcome, ${user.name.split(' ')[0]}` : 'You have a new therapist'}>
        <p>
          Tandem keeps your check-ins, questionnaires and journal. You choose what your therapist sees. Nothing is shared until you say so
          {isFirstVisit ? '' : ': choices you made for an earlier therapist do not carry over'}.
        </p>
      </PageHeader>
      <aside aria-labelledby="safety-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
        <h2 id="safety-heading" className="font-medium">
          Always shared for your safety
        </h2>
        <p className="mt-1 text-stone-800">{SAFETY_EXCEPTION}</p>
      </aside>
      {pendingTherapists.length === 0 && (
        <p className="text-stone-700">You have no therapist assigned yet. When you do, you will be asked what to share with them.</p>
      )}
      <WelcomeForm
        timeZones={timeZones}
        savedTimeZone={user.timeZone}
        therapists={pendingTherapists}
        scopes={SCOPES.map((scope) => ({ scope, label: scopeText[scope].label, explanation: scopeText[scope].explanation }))}
      />
    </div>
  );
}
