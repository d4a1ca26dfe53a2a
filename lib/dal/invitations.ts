import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { queryRows, schema } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-strength';
import type { Role } from '@/lib/auth/roles';
import { TandemError } from '@/lib/errors';
import { createInvitationToken, hashInvitationToken, isWellFormedToken } from '@/lib/invitations/token';
import type { AcceptInvitationInput, InviteInput } from '@/lib/validation/admin';
import { queueAudit } from './audit';
import { withActor, withoutActor, type Actor } from './context';
import { checkThrottle, recordThrottleFailure, throttleKey, type ThrottleCheck } from './throttle';

export type CreatedInvitation = {
  invitationId: string;
  token: string;
  email: string;
  role: Role;
  expiresAt: Date;
  clinicName: string;
  therapistName: string | null;
};

function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
}

/**
 * Creates a single-use invitation. The token is returned once, for the link; only its hash is
 * stored. A client invitation names an active therapist of the clinic.
 */
export async function createInvitation({ actor, input }: { actor: Actor; input: InviteInput }): Promise<CreatedInvitation> {
  requireAdmin(actor);
  return withActor(actor, async (tx) => {
    const [clinic] = await tx.select({ name: schema.clinics.name }).from(schema.clinics);
    let therapistName: string | null = null;
    if (input.therapistId) {
      const [therapist] = await tx
        .select({ name: schema.users.name })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(
          and(
            eq(schema.memberships.userId, input.therapistId),
            eq(schema.memberships.role, 'therapist'),
            isNull(schema.users.deactivatedAt),
          ),
        );
      if (!therapist) throw new TandemError('not_found:person');
      therapistName = therapist.name;
    }
    // Only this clinic's people and invitations are checked: another clinic's are not ours to reveal.
    const [member] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
      .where(eq(schema.users.email, input.email));
    const [pending] = await tx
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.email, input.email),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, new Date()),
        ),
      );
    if (member || pending) throw new TandemError('conflict:email_taken');

    const token = createInvitationToken();
    const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
    const [row] = await tx
      .insert(schema.invitations)
      .values({
        clinicId: actor.clinicId,
        email: input.email,
        role: input.role,
        therapistId: input.therapistId ?? null,
        phone: input.phone,
        tokenHash: hashInvitationToken(token),
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning({ id: schema.invitations.id });
    if (!row) throw new TandemError('internal');
    await queueAudit(tx, actor, { action: 'invitation.create', subjectType: 'account', subjectId: row.id });
    return {
      invitationId: row.id,
      token,
      email: input.email,
      role: input.role,
      expiresAt,
      clinicName: clinic?.name ?? 'your clinic',
      therapistName,
    };
  });
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation({ actor, invitationId }: { actor: Actor; invitationId: string }): Promise<void> {
  requireAdmin(actor);
  await withActor(actor, async (tx) => {
    const [row] = await tx
      .update(schema.invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(schema.invitations.id, invitationId), isNull(schema.invitations.acceptedAt), isNull(schema.invitations.revokedAt)))
      .returning({ id: schema.invitations.id });
    if (!row) throw new TandemError('not_found:invitation');
    await queueAudit(tx, actor, { action: 'invitation.revoke', subjectType: 'account', subjectId: row.id });
  });
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked' | 'not_found';

export type InvitationView =
  | { state: Exclude<InvitationState, 'valid'> }
  | { state: 'valid'; clinicName: string; email: string; role: Role; therapistName: string | null; expiresAt: Date };

type LookupRow = {
  clinic_name: string;
  email: string;
  role: Role;
  therapist_name: string | null;
  expires_at: string | Date;
  accepted_at: string | Date | null;
  revoked_at: string | Date | null;
};

/** What an invitee may know before accepting: which clinic, which role, and whether the link still works. */
export async function getInvitation({ token }: { token: string }): Promise<InvitationView> {
  if (!isWellFormedToken(token)) return { state: 'not_found' };
  const [row] = await withoutActor((tx) => queryRows<LookupRow>(tx, sql`select * from invitation_lookup(${hashInvitationToken(token)})`));
  if (!row) return { state: 'not_found' };
  if (row.revoked_at) return { state: 'revoked' };
  if (row.accepted_at) return { state: 'used' };
  const expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= Date.now()) return { state: 'expired' };
  return { state: 'valid', clinicName: row.clinic_name, email: row.email, role: row.role, therapistName: row.therapist_name, expiresAt };
}

export type AcceptOutcome =
  | { status: 'accepted'; email: string }
  | { status: Exclude<InvitationState, 'valid'> | 'email_taken' }
  | { status: 'weak_password'; message: string }
  | { status: 'throttled'; retryAfterSeconds: number };

/**
 * Accepting creates the account (and, for a client, the assignment) in one step, once. Throttled
 * per source address (someone guessing links); the password must meet the invitee's role's rule.
 */
export async function acceptInvitation({
  token,
  input,
  source,
}: {
  token: string;
  input: AcceptInvitationInput;
  source: string;
}): Promise<AcceptOutcome> {
  const checks: ThrottleCheck[] = [{ name: 'invitation', key: throttleKey('invitation', source) }];
  const throttle = await checkThrottle(checks);
  if (!throttle.isAllowed) return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  const invitation = await getInvitation({ token });
  if (invitation.state !== 'valid') {
    if (invitation.state === 'not_found') await recordThrottleFailure(checks);
    return { status: invitation.state };
  }
  const problem = passwordProblem(input.password, invitation.role, [invitation.email, input.name]);
  if (problem) return { status: 'weak_password', message: problem };
  const passwordHash = await hashPassword(input.password);
  const [row] = await withoutActor((tx) =>
    queryRows<{ status: string; account_email: string | null }>(
      tx,
      sql`select * from invitation_accept(${hashInvitationToken(token)}, ${input.name}, ${passwordHash}, ${input.timeZone})`,
    ),
  );
  if (row?.status === 'accepted' && row.account_email) return { status: 'accepted', email: row.account_email };
  const status = row?.status;
  if (status === 'expired' || status === 'used' || status === 'revoked' || status === 'email_taken') return { status };
  return { status: 'not_found' };
}
