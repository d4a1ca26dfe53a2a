import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { getInvitation } from '@/lib/dal/invitations';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-strength';
import { AcceptForm } from './accept-form';

export const metadata: Metadata = { title: 'Accept your invitation', referrer: 'no-referrer' };

const roleWords = { client: 'as a client', therapist: 'as a therapist', admin: 'as a clinic admin' } as const;

const unusable = {
  expired: ['This invitation has expired', 'Invitation links work for a limited time. Ask your clinic to send you a new one.'],
  used: ['This invitation has already been used', 'Each link works once. If you created your account already, sign in.'],
  revoked: ['This invitation was withdrawn', 'The clinic withdrew this invitation. Ask them if you think this is a mistake.'],
  not_found: [
    'This invitation link is not valid',
    'Check that you copied the whole link from your email, or ask your clinic for a new one.',
  ],
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation({ token });

  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-5 py-10">
      <p className="text-lg font-semibold text-brand-700">Tandem</p>
      {invitation.state === 'valid' ? (
        <>
          <div>
            <h1 className="text-2xl font-semibold">Join {invitation.clinicName}</h1>
            <p className="mt-2 text-stone-700">
              You are invited {roleWords[invitation.role]}.
              {invitation.role === 'client' && invitation.therapistName && ` Your therapist will be ${invitation.therapistName}.`} Choose
              your name and a password to finish.
            </p>
          </div>
          <AcceptForm token={token} email={invitation.email} minPasswordLength={MIN_PASSWORD_LENGTH[invitation.role]} />
        </>
      ) : (
        <div>
          <h1 className="text-2xl font-semibold">{unusable[invitation.state][0]}</h1>
          <p className="mt-2 text-stone-700">{unusable[invitation.state][1]}</p>
          <Link href="/sign-in" className="mt-4 inline-block text-brand-700 underline underline-offset-4">
            Go to sign in
          </Link>
        </div>
      )}
    </main>
  );
}
