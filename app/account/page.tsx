import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { smallButton } from '@/components/ui/button-styles';
import { PageHeader } from '@/components/ui/page-header';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-strength';
import { homeFor } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { listMySessions } from '@/lib/dal/auth';
import { getTwoFactorStatus } from '@/lib/dal/two-factor';
import { ChangePasswordForm, DisableTwoFactorForm } from './account-forms';
import { endSessionAction, signOutEverywhere } from './actions';
import { momentText } from '@/lib/dates';

export const metadata: Metadata = { title: 'Account' };

const section = 'rounded-lg border border-stone-200 bg-white p-4';

export default async function AccountPage() {
  const user = await requireUser();
  const [twoFactor, sessions] = await Promise.all([
    getTwoFactorStatus({ actor: user }),
    listMySessions({ actor: user, currentSessionId: user.sessionId, idleMinutes: user.idleMinutes }),
  ]);

  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-8">
      <Link href={homeFor[user.role]} className="text-sm text-brand-700 underline underline-offset-4">
        Back to Tandem
      </Link>
      <PageHeader title="Your account">
        <p>Signed in as {user.name}.</p>
      </PageHeader>

      <section aria-labelledby="two-factor-heading" className={section}>
        <h2 id="two-factor-heading" className="font-medium">
          Two-factor sign-in
        </h2>
        {twoFactor.isEnabled ? (
          <>
            <p className="mt-1 text-stone-700">
              On. Signing in asks for a code from your authenticator app. You have {twoFactor.backupCodesLeft} backup code
              {twoFactor.backupCodesLeft === 1 ? '' : 's'} left.
            </p>
            {twoFactor.isRequired ? (
              <p className="mt-2 text-sm text-stone-600">
                Your clinic requires it for staff. If you lose your phone and backup codes, ask a clinic admin to reset it.
              </p>
            ) : (
              <DisableTwoFactorForm />
            )}
          </>
        ) : (
          <>
            <p className="mt-1 text-stone-700">
              Off. A code from your phone as well as your password keeps your account safe even if someone learns the password.
            </p>
            <Link href="/two-factor/setup" className={`${smallButton} mt-3`}>
              Set up two-factor sign-in
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="font-medium">
          Password
        </h2>
        <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH[user.role]} />
      </section>

      <section aria-labelledby="sessions-heading" className={section}>
        <h2 id="sessions-heading" className="font-medium">
          Where you are signed in
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Each sign-in lasts at most 12 hours{user.idleMinutes ? `, and ends after ${user.idleMinutes} minutes without activity` : ''}.
        </p>
        <ul className="mt-3 divide-y divide-stone-200">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">
                  {s.device}
                  {s.isCurrent && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">This device</span>}
                </p>
                <p className="text-sm text-stone-600">
                  Signed in {momentText(s.createdAt, user.timeZone)} · last active {momentText(s.lastSeenAt, user.timeZone)} · from{' '}
                  {s.source}
                </p>
              </div>
              <form action={endSessionAction}>
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className={smallButton} aria-label={`Sign out ${s.device}${s.isCurrent ? ' (this device)' : ''}`}>
                  Sign out
                </button>
              </form>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 font-medium">Signed in somewhere else?</h3>
        <p className="mt-1 text-stone-700">
          Signing out everywhere ends every session of yours at once, on every device, including this one.
        </p>
        <form action={signOutEverywhere} className="mt-3">
          <button type="submit" className="rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-100">
            Sign out everywhere
          </button>
        </form>
      </section>
    </main>
  );
}
