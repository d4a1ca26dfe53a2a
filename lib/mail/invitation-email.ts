import type { Role } from '@/lib/auth/roles';

const roleWords: Record<Role, string> = { client: 'as a client', therapist: 'as a therapist', admin: 'as a clinic admin' };

/** The invitation email: plain text, no clinical content, the link and when it stops working. */
export function composeInvitationEmail({
  clinicName,
  role,
  link,
  expiresAt,
  therapistName,
}: {
  clinicName: string;
  role: Role;
  link: string;
  expiresAt: Date;
  therapistName?: string | null;
}): { subject: string; text: string } {
  const until = expiresAt.toUTCString();
  const lines = [
    'Hello,',
    '',
    `You have been invited to join ${clinicName} on Tandem ${roleWords[role]}.`,
    ...(role === 'client' && therapistName ? [`Your therapist will be ${therapistName}.`] : []),
    '',
    'Open this link to choose your name and password:',
    link,
    '',
    `The link works once and stops working on ${until}. If you did not expect this email, you can ignore it.`,
  ];
  return { subject: `Your invitation to ${clinicName} on Tandem`, text: lines.join('\n') };
}
