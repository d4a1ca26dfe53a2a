import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import QRCode from 'qrcode';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { homeFor } from '@/lib/auth/roles';
import { requireUserForEnrolment } from '@/lib/auth/session';
import { beginTwoFactorEnrolment, getTwoFactorStatus } from '@/lib/dal/two-factor';
import { EnrolForm } from './enrol-form';

export const metadata: Metadata = { title: 'Set up two-factor sign-in' };

export default async function TwoFactorSetupPage() {
  const user = await requireUserForEnrolment();
  const status = await getTwoFactorStatus({ actor: user });
  const home = homeFor[user.role];
  const key = status.isEnabled ? null : await beginTwoFactorEnrolment({ actor: user });
  // An inline SVG, drawn on the server: no image request, nothing sent to another site.
  const qrSvg = key ? await QRCode.toString(key.uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;

  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col gap-6 px-5 py-10">
      <div>
        <p className="text-lg font-semibold text-brand-700">Tandem</p>
        <h1 className="mt-2 text-2xl font-semibold">Set up two-factor sign-in</h1>
        <p className="mt-2 text-stone-700">
          {status.isRequired
            ? 'Your clinic asks staff to sign in with a code from their phone as well as a password, because you can see clients’ records.'
            : 'A code from your phone as well as your password keeps your account safe even if someone learns the password.'}
        </p>
      </div>
      {status.isEnabled || !key || !qrSvg ? (
        <section className="flex flex-col gap-3">
          <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-brand-800">
            Two-factor sign-in is already on for your account. You have {status.backupCodesLeft} backup code
            {status.backupCodesLeft === 1 ? '' : 's'} left.
          </p>
          <Link href="/account" className="text-brand-700 underline underline-offset-4">
            Manage it on your account page
          </Link>
        </section>
      ) : (
        <>
          <ol className="flex list-decimal flex-col gap-4 pl-5">
            <li>
              Install an authenticator app on your phone if you have none (for example Google Authenticator, Microsoft Authenticator, 2FAS
              or your password manager).
            </li>
            <li>
              <p>In the app, add an account and scan this code:</p>
              <div
                role="img"
                aria-label="QR code holding your Tandem key (the same key is written below)"
                className="mt-2 w-48 rounded border border-stone-200 bg-white p-2 sm:w-56"
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <p className="mt-3">Cannot scan it? Choose to enter a key by hand and type:</p>
              <p className="mt-1 break-words rounded bg-stone-100 px-3 py-2 font-mono text-lg" data-testid="manual-key">
                {key.manualKey}
              </p>
              <p className="mt-1 text-sm text-stone-600">Time-based, 6 digits, every 30 seconds (most apps choose this for you).</p>
            </li>
            <li>Type the code the app shows to finish:</li>
          </ol>
          <EnrolForm homeHref={home} />
        </>
      )}
      {status.isRequired && !status.isEnabled ? (
        <div className="flex items-center gap-2 text-sm text-stone-700">
          <span>Not now?</span>
          <SignOutButton />
        </div>
      ) : (
        <Link href={home} className="text-sm text-brand-700 underline underline-offset-4">
          Back to Tandem
        </Link>
      )}
    </main>
  );
}
