import 'server-only';
import { and, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from '@/lib/validation/zod';
import { queryRows, schema, type Transaction } from '@/db';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { SignInFailureReason } from '@/db/schema';
import type { SignInInput } from '@/lib/validation/auth';
import { queueAudit } from './audit';
import { withActor, withoutActor, type Actor, type ActorContext } from './context';
import { checkThrottle, clearThrottle, recordThrottleFailure, throttleKey, type ThrottleCheck } from './throttle';
import { verifySecondFactor } from './two-factor';

export type SignedInUser = Actor & { name: string; sessionVersion: number };

// Sessions end 12 hours after sign-in whatever the activity (issue 14; the JWT lives as long).
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
/**
 * How often an active session's last activity is written: at most once in this long, so the
 * idle limit (minutes) is kept to within seconds without a write on every request.
 */
const LAST_SEEN_STEP = '15 seconds';

type CredentialRow = {
  user_id: string;
  name: string;
  password_hash: string | null;
  deactivated_at: string | null;
  session_version: number;
  clinic_id: string | null;
  role: Role | null;
};

type PasswordCheck =
  | { status: 'ok'; user: SignedInUser }
  | {
      status: 'refused';
      reason: Extract<SignInFailureReason, 'unknown_account' | 'wrong_password' | 'deactivated'>;
      user: SignedInUser | null;
    };

/** Unknown email, wrong password, deactivated account and no clinic: the same argon2 work each time. */
async function checkPassword({ email, password }: SignInInput): Promise<PasswordCheck> {
  const rows = await withoutActor((tx) => queryRows<CredentialRow>(tx, sql`select * from auth_find_user(${email})`));
  const row = rows[0];
  const passwordHash = row?.password_hash ?? (await decoyPasswordHash());
  const isMatch = await verifyPassword(passwordHash, password);
  const user: SignedInUser | null =
    row?.clinic_id && row.role
      ? { userId: row.user_id, clinicId: row.clinic_id, role: row.role, name: row.name, sessionVersion: row.session_version }
      : null;
  if (!row || !row.password_hash || !user) return { status: 'refused', reason: 'unknown_account', user: null };
  if (!isMatch) return { status: 'refused', reason: 'wrong_password', user: row.deactivated_at ? null : user };
  if (row.deactivated_at) return { status: 'refused', reason: 'deactivated', user: null };
  return { status: 'ok', user };
}

/**
 * Checks an email and password only (no throttling, no second factor, no session). Unknown
 * email, wrong password, deactivated account and an account with no clinic all give null.
 */
export async function verifyCredentials(input: SignInInput): Promise<SignedInUser | null> {
  const checked = await checkPassword(input);
  return checked.status === 'ok' ? checked.user : null;
}

export type SignInRequest = SignInInput & { code?: string; source: string; device: string };

export type SignInOutcome =
  | { status: 'signed-in'; user: SignedInUser; sessionId: string }
  | { status: 'refused' }
  | { status: 'code-required' }
  | { status: 'wrong-code' }
  | { status: 'throttled'; retryAfterSeconds: number };

const signInChecks = (email: string, source: string): ThrottleCheck[] => [
  { name: 'signInPair', key: throttleKey(email, source) },
  { name: 'signInAccount', key: throttleKey(email) },
  { name: 'signInSource', key: throttleKey(source) },
];

/**
 * The whole sign-in: throttling, password, second factor, then a new session row. The answer is
 * the same whether or not the account exists; only someone who knew the password learns that a
 * code is needed. Every failure is recorded (account if known, source, reason, never the
 * password) and, for an active account, audited in its clinic's log.
 */
export async function signIn(request: SignInRequest): Promise<SignInOutcome> {
  const { email, source } = request;
  const checks = signInChecks(email, source);
  const throttle = await checkThrottle(checks);
  if (!throttle.isAllowed) {
    await recordSignInFailure(email, source, 'throttled', null);
    return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const checked = await checkPassword(request);
  if (checked.status === 'refused') {
    await recordThrottleFailure(checks);
    await recordSignInFailure(email, source, checked.reason, checked.user);
    return { status: 'refused' };
  }
  const { user } = checked;

  const codeChecks: ThrottleCheck[] = [{ name: 'code', key: throttleKey('code', user.userId) }, ...checks.slice(2)];
  if (request.code) {
    const codeThrottle = await checkThrottle(codeChecks);
    if (!codeThrottle.isAllowed) return { status: 'throttled', retryAfterSeconds: codeThrottle.retryAfterSeconds };
  }
  const second = await withActor(user, (tx) => verifySecondFactor(tx, user, request.code));
  if (second === 'missing') return { status: 'code-required' };
  if (second === 'wrong') {
    await recordThrottleFailure(codeChecks);
    await recordSignInFailure(email, source, 'wrong_code', user);
    return { status: 'wrong-code' };
  }

  await clearThrottle([checks[0] as ThrottleCheck, codeChecks[0] as ThrottleCheck]);
  const sessionId = await withActor(user, async (tx) => {
    await tx.update(schema.users).set({ lastSignInAt: new Date() }).where(eq(schema.users.id, user.userId));
    const [row] = await tx
      .insert(schema.userSessions)
      .values({ userId: user.userId, clinicId: user.clinicId, device: request.device.slice(0, 300), source: source.slice(0, 100) })
      .returning({ id: schema.userSessions.id });
    await queueAudit(tx, user, { action: 'account.sign_in', subjectType: 'account', subjectId: user.userId });
    return row?.id as string;
  });
  return { status: 'signed-in', user, sessionId };
}

async function recordSignInFailure(email: string, source: string, reason: SignInFailureReason, user: SignedInUser | null): Promise<void> {
  await withoutActor((tx) => tx.execute(sql`select auth_record_sign_in_failure(${email}, ${source}, ${reason})`));
  if (!user) return;
  await withActor(user, (tx) =>
    queueAudit(tx, user, { action: 'account.sign_in', subjectType: 'account', subjectId: user.userId, outcome: 'denied' }),
  );
}

export type SessionState = {
  name: string;
  role: Role;
  sessionVersion: number;
  timeZone: string;
  /** Staff of a clinic that requires two-factor, not yet enrolled: only enrolment is open to them. */
  mustEnrolTwoFactor: boolean;
  /** Staff of a clinic that leaves two-factor optional, not yet enrolled: invited to set it up. */
  isInvitedToTwoFactor: boolean;
  /** Minutes without a request after which the session ends; null for clients. */
  idleMinutes: number | null;
};

type StateRow = Omit<SessionState, 'mustEnrolTwoFactor' | 'isInvitedToTwoFactor' | 'idleMinutes'> & {
  deactivatedAt: Date | null;
  requireTwoFactor: boolean;
  staffIdleMinutes: number;
  totpEnabledAt: Date | null;
};

/** The person's name, role, session version and zone with their clinic's two-factor and idle rules. */
const stateColumns = {
  name: schema.users.name,
  role: schema.memberships.role,
  sessionVersion: schema.users.sessionVersion,
  timeZone: schema.users.timeZone,
  deactivatedAt: schema.users.deactivatedAt,
  requireTwoFactor: schema.clinics.requireTwoFactor,
  staffIdleMinutes: schema.clinics.staffIdleMinutes,
  totpEnabledAt: schema.users.totpEnabledAt,
};

function stateRows<Extra extends Record<string, SQL.Aliased>>(tx: Transaction, actor: ActorContext, extra: Extra) {
  return tx
    .select({ ...stateColumns, ...extra })
    .from(schema.users)
    .innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
    .innerJoin(schema.clinics, eq(schema.clinics.id, schema.memberships.clinicId))
    .where(sql`${schema.users.id} = ${actor.userId} and ${schema.memberships.clinicId} = ${actor.clinicId}`);
}

function stateOf(row: StateRow | undefined): SessionState | null {
  if (!row || row.deactivatedAt) return null;
  const isStaff = row.role !== 'client';
  return {
    name: row.name,
    role: row.role,
    sessionVersion: row.sessionVersion,
    timeZone: row.timeZone,
    mustEnrolTwoFactor: isStaff && row.requireTwoFactor && !row.totpEnabledAt,
    isInvitedToTwoFactor: isStaff && !row.requireTwoFactor && !row.totpEnabledAt,
    idleMinutes: isStaff ? row.staffIdleMinutes : null,
  };
}

async function readState(tx: Transaction, actor: ActorContext): Promise<SessionState | null> {
  const [row] = await stateRows(tx, actor, {});
  return stateOf(row);
}

/**
 * The current state of a signed-in person, read under their own context. Null when the account
 * is deactivated or no longer belongs to the clinic: the session must end.
 */
export async function getSessionState(actor: ActorContext): Promise<SessionState | null> {
  return withActor(actor, (tx) => readState(tx, actor));
}

export type SessionCheck = { status: 'active'; state: SessionState } | { status: 'ended'; reason: 'signed-out' | 'expired' | 'idle' };

/**
 * Checks one session on a request: its row must exist and not be revoked, be younger than 12
 * hours, carry the person's current session version and, for staff, have seen a request within
 * the clinic's idle limit. An active session is marked as seen (at most every 15 seconds).
 */
export async function checkSession({
  actor,
  sessionId,
  sessionVersion,
}: {
  actor: ActorContext;
  sessionId: string;
  sessionVersion: number;
}): Promise<SessionCheck> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return { status: 'ended', reason: 'signed-out' };
  return withActor(actor, async (tx): Promise<SessionCheck> => {
    // The person and the session row in one statement: this runs before every page can start.
    // Staff are idle past their clinic's limit; clients never are.
    const session = schema.userSessions;
    const [row] = await stateRows(tx, actor, {
      hasSession: sql<boolean>`${session.id} is not null`.as('has_session'),
      revoked: sql<boolean>`${session.revokedAt} is not null`.as('revoked'),
      tooOld: sql<boolean>`${session.createdAt} < now() - make_interval(secs => ${SESSION_LIFETIME_SECONDS})`.as('too_old'),
      idle: sql<boolean>`${schema.memberships.role} <> 'client'
        and ${session.lastSeenAt} < now() - make_interval(mins => ${schema.clinics.staffIdleMinutes})`.as('idle'),
      unseen: sql<boolean>`${session.lastSeenAt} < now() - ${LAST_SEEN_STEP}::interval`.as('unseen'),
    }).leftJoin(session, and(eq(session.id, sessionId), eq(session.userId, schema.users.id)));
    const state = stateOf(row);
    if (!state || state.sessionVersion !== sessionVersion) return { status: 'ended', reason: 'expired' };
    if (!row?.hasSession || row.revoked) return { status: 'ended', reason: 'signed-out' };
    if (row.tooOld) return { status: 'ended', reason: 'expired' };
    if (row.idle) {
      await tx.update(schema.userSessions).set({ revokedAt: new Date() }).where(eq(schema.userSessions.id, sessionId));
      return { status: 'ended', reason: 'idle' };
    }
    if (row.unseen) {
      await tx.execute(
        sql`update user_sessions set last_seen_at = now() where id = ${sessionId} and last_seen_at < now() - ${LAST_SEEN_STEP}::interval`,
      );
    }
    return { status: 'active', state };
  });
}

export type SessionSummary = { id: string; device: string; source: string; createdAt: Date; lastSeenAt: Date; isCurrent: boolean };

/** The person's own sessions that can still be used (not signed out, not too old, not idle), newest activity first. */
export async function listMySessions({
  actor,
  currentSessionId,
  idleMinutes = null,
}: {
  actor: Actor;
  currentSessionId: string | null;
  idleMinutes?: number | null;
}): Promise<SessionSummary[]> {
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({
        id: schema.userSessions.id,
        device: schema.userSessions.device,
        source: schema.userSessions.source,
        createdAt: schema.userSessions.createdAt,
        lastSeenAt: schema.userSessions.lastSeenAt,
      })
      .from(schema.userSessions)
      .where(
        and(
          eq(schema.userSessions.userId, actor.userId),
          isNull(schema.userSessions.revokedAt),
          gt(schema.userSessions.createdAt, sql`now() - make_interval(secs => ${SESSION_LIFETIME_SECONDS})`),
          idleMinutes === null ? undefined : gt(schema.userSessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        ),
      )
      .orderBy(desc(schema.userSessions.lastSeenAt));
    return rows.map((r) => ({ ...r, isCurrent: r.id === currentSessionId }));
  });
}

/** Ends one of the person's own sessions (sign-out, or "sign out" on a device in the list). */
export async function endSession({ actor, sessionId }: { actor: Actor; sessionId: string }): Promise<boolean> {
  if (!z.uuid().safeParse(sessionId).success) return false;
  return withActor(actor, async (tx) => {
    const ended = await tx
      .update(schema.userSessions)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(schema.userSessions.id, sessionId), eq(schema.userSessions.userId, actor.userId), isNull(schema.userSessions.revokedAt)),
      )
      .returning({ id: schema.userSessions.id });
    if (ended.length === 0) return false;
    await queueAudit(tx, actor, { action: 'account.sign_out', subjectType: 'account', subjectId: actor.userId });
    return true;
  });
}

/** "Sign out everywhere": every session issued before now stops working on its next request. */
export async function endAllSessions(actor: Actor): Promise<void> {
  await withActor(actor, async (tx) => {
    await tx
      .update(schema.users)
      .set({ sessionVersion: sql`${schema.users.sessionVersion} + 1` })
      .where(eq(schema.users.id, actor.userId));
    await tx
      .update(schema.userSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(schema.userSessions.userId, actor.userId), isNull(schema.userSessions.revokedAt)));
    await queueAudit(tx, actor, { action: 'account.end_sessions', subjectType: 'account', subjectId: actor.userId });
  });
}
