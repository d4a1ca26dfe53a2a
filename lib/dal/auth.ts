import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { queryRows, schema } from '@/db';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { SignInInput } from '@/lib/validation/auth';
import { recordAudit } from './audit';
import { withActor, withoutActor, type Actor, type ActorContext } from './context';

export type SignedInUser = Actor & { name: string; sessionVersion: number };

type CredentialRow = {
  user_id: string;
  name: string;
  password_hash: string | null;
  deactivated_at: string | null;
  session_version: number;
  clinic_id: string | null;
  role: Role | null;
};

/**
 * Checks an email and password. Unknown email, wrong password, deactivated account and an
 * account with no clinic all give the same answer (null) after the same argon2 work.
 */
export async function verifyCredentials({ email, password }: SignInInput): Promise<SignedInUser | null> {
  const rows = await withoutActor((tx) => queryRows<CredentialRow>(tx, sql`select * from auth_find_user(${email})`));
  const row = rows[0];
  const passwordHash = row?.password_hash ?? (await decoyPasswordHash());
  const isMatch = await verifyPassword(passwordHash, password);
  if (!row || !row.password_hash || !isMatch || row.deactivated_at || !row.clinic_id || !row.role) return null;

  const user: SignedInUser = {
    userId: row.user_id,
    clinicId: row.clinic_id,
    role: row.role,
    name: row.name,
    sessionVersion: row.session_version,
  };
  await withActor(user, async (tx) => {
    await tx.update(schema.users).set({ lastSignInAt: new Date() }).where(eq(schema.users.id, user.userId));
    await recordAudit(tx, user, { action: 'account.sign_in', subjectType: 'account', subjectId: user.userId });
  });
  return user;
}

export type SessionState = { name: string; role: Role; sessionVersion: number; timeZone: string };

/**
 * The current state of a signed-in person, read under their own context. Null when the account
 * is deactivated or no longer belongs to the clinic: the session must end.
 */
export async function getSessionState(actor: ActorContext): Promise<SessionState | null> {
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({
        name: schema.users.name,
        role: schema.memberships.role,
        sessionVersion: schema.users.sessionVersion,
        timeZone: schema.users.timeZone,
        deactivatedAt: schema.users.deactivatedAt,
      })
      .from(schema.users)
      .innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
      .where(sql`${schema.users.id} = ${actor.userId} and ${schema.memberships.clinicId} = ${actor.clinicId}`);
    if (!row || row.deactivatedAt) return null;
    return { name: row.name, role: row.role, sessionVersion: row.sessionVersion, timeZone: row.timeZone };
  });
}

/** "Sign out everywhere": every session issued before now stops working on its next request. */
export async function endAllSessions(actor: Actor): Promise<void> {
  await withActor(actor, async (tx) => {
    await tx
      .update(schema.users)
      .set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` })
      .where(eq(schema.users.id, actor.userId));
    await recordAudit(tx, actor, { action: 'account.end_sessions', subjectType: 'account', subjectId: actor.userId });
  });
}
