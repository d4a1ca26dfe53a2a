import 'server-only';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-strength';
import { TandemError } from '@/lib/errors';
import type { ChangePasswordInput } from '@/lib/validation/auth';
import { phoneSchema } from '@/lib/validation/phone';
import { flushAudits, queueAudit } from './audit';
import { withActor, type Actor } from './context';
import { checkThrottle, clearThrottle, recordThrottleFailure, throttleKey, type ThrottleCheck } from './throttle';

/** The client's own time zone, which decides which day a check-in belongs to. */
export async function updateTimeZone({ actor, timeZone }: { actor: Actor; timeZone: string }): Promise<void> {
  await withActor(actor, async (tx) => {
    await tx.update(schema.users).set({ timeZone }).where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.update_time_zone', subjectType: 'account', subjectId: actor.userId });
  });
}

/** The client's own phone number, so their therapist can reach them when an alert needs it. */
export async function getMyPhone({ actor }: { actor: Actor }): Promise<string | null> {
  return withActor(actor, async (tx) => {
    const [row] = await tx.select({ phone: schema.users.phone }).from(schema.users).where(eq(schema.users.id, actor.userId));
    return row?.phone ?? null;
  });
}

/** The person changes or removes their phone number. */
export async function updatePhone({ actor, phone }: { actor: Actor; phone: string }): Promise<void> {
  const parsed = phoneSchema.safeParse(phone);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  await withActor(actor, async (tx) => {
    await tx.update(schema.users).set({ phone: parsed.data }).where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.update_phone', subjectType: 'account', subjectId: actor.userId });
  });
}

/**
 * Deletes the client's account after checking their password. Deleting the users row removes
 * their check-ins, measures, journal, pauses, sharing and assignments (ON DELETE CASCADE);
 * signed session notes stay with the clinic as its record, unlinked (ON DELETE SET NULL). The
 * audit event is written first: once the row is gone the person has no role to write it with.
 * Returns false, changing nothing, when the password is wrong.
 */
export async function deleteMyAccount({ actor, password }: { actor: Actor; password: string }): Promise<boolean> {
  if (actor.role !== 'client') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [me] = await tx.select({ passwordHash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.id, actor.userId));
    const isMatch = Boolean(me?.passwordHash) && (await verifyPassword(me?.passwordHash as string, password));
    if (!isMatch) {
      await queueAudit(tx, actor, { action: 'account.delete', subjectType: 'account', subjectId: actor.userId, outcome: 'denied' });
      return false;
    }
    await queueAudit(tx, actor, { action: 'account.delete', subjectType: 'account', subjectId: actor.userId });
    // Written while the account still exists: the event outlives it, with its actor set to null.
    await flushAudits(tx);
    const deleted = await tx.delete(schema.users).where(eq(schema.users.id, actor.userId)).returning({ id: schema.users.id });
    if (deleted.length !== 1) throw new TandemError('internal');
    return true;
  });
}

export type ChangePasswordOutcome =
  | { status: 'changed' | 'wrong-password' }
  | { status: 'weak-password'; message: string }
  | { status: 'throttled'; retryAfterSeconds: number };

/**
 * The person changes their password, proving the current one. Throttled per account; the new one
 * must meet their role's rule. Every other session of theirs ends (the session version moves on);
 * the caller keeps this one by signing in again if it wants to.
 */
export async function changePassword({ actor, input }: { actor: Actor; input: ChangePasswordInput }): Promise<ChangePasswordOutcome> {
  const checks: ThrottleCheck[] = [{ name: 'passwordChange', key: throttleKey('password', actor.userId) }];
  const throttle = await checkThrottle(checks);
  if (!throttle.isAllowed) return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  const me = await withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ passwordHash: schema.users.passwordHash, email: schema.users.email, name: schema.users.name })
      .from(schema.users)
      .where(eq(schema.users.id, actor.userId));
    return row;
  });
  if (!me?.passwordHash || !(await verifyPassword(me.passwordHash, input.currentPassword))) {
    await recordThrottleFailure(checks);
    await withActor(actor, (tx) =>
      queueAudit(tx, actor, { action: 'account.change_password', subjectType: 'account', subjectId: actor.userId, outcome: 'denied' }),
    );
    return { status: 'wrong-password' };
  }
  const problem = passwordProblem(input.newPassword, actor.role, [me.email, me.name]);
  if (problem) return { status: 'weak-password', message: problem };
  const passwordHash = await hashPassword(input.newPassword);
  await withActor(actor, async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.change_password', subjectType: 'account', subjectId: actor.userId });
  });
  await clearThrottle(checks);
  return { status: 'changed' };
}
