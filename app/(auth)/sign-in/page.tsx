import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { HelpNowNote } from '@/components/support/help-now-note';
import { homeFor } from '@/lib/auth/roles';
import { ENROL_PATH, lookupSession } from '@/lib/auth/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  expired: 'Your session has ended. Please sign in again.',
  idle: 'You were signed out after a while without activity, to keep your clients’ records safe. Please sign in again.',
  'signed-out': 'You have signed out.',
  'account-deleted': 'Your account and your data have been deleted.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const lookup = await lookupSession();
  if (lookup.status === 'signed-in') redirect(homeFor[lookup.user.role]);
  if (lookup.status === 'must-enrol') redirect(ENROL_PATH);
  const { reason } = await searchParams;
  const notice = reason ? notices[reason] : undefined;

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-5 py-10">
      <div>
        <p className="text-lg font-semibold text-brand-700">Tandem</p>
        <h1 className="mt-2 text-2xl font-semibold">Sign in</h1>
      </div>
      {notice && (
        <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          {notice}
        </p>
      )}
      <SignInForm />
      <HelpNowNote isSignedOut />
    </main>
  );
}
