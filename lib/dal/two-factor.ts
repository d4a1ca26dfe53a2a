import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { schema, type Transaction } from '@/db';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkTotp, formatManualKey, newBackupCodes, newTotpSecret, normalizeBackupCode, totpUri } from '@/lib/auth/totp';
import { decryptText, encryptText } from '@/lib/crypto/aes-gcm';
import { totpContext } from '@/lib/crypto/note-contexts';
import { TandemError } from '@/lib/errors';
import { getSecrets } from '@/lib/secrets';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';
import { checkThrottle, clearThrottle, recordThrottleFailure, throttleKey, type ThrottleCheck } from './throttle';

const seal = (secret: string, userId: string) => encryptText(secret, getSecrets().encryptionKey, totpContext(userId));
const open = (ciphertext: string, userId: string) => decryptText(ciphertext, getSecrets().encryptionKey, totpContext(userId));

const codeCheck = (userId: string): ThrottleCheck => ({ name: 'code', key: throttleKey('code', userId) });

async function readOwnFactors(tx: Transaction, userId: string) {
  const [row] = await tx
    .select({
      email: schema.users.email,
      passwordHash: schema.users.passwordHash,
      ciphertext: schema.users.totpSecretCiphertext,
      enabledAt: schema.users.totpEnabledAt,
      lastTimeStep: schema.users.totpLastTimeStep,
      backupCodeHashes: schema.users.backupCodeHashes,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  if (!row) throw new TandemError('not_found:person');
  return row;
}

/**
 * Checks the second factor of a person whose password was right, inside their own transaction:
 * a TOTP code (never one already used) or one of their backup codes (then crossed off).
 */
export async function verifySecondFactor(
  tx: Transaction,
  actor: Actor,
  code: string | undefined,
): Promise<'not-enrolled' | 'missing' | 'ok' | 'wrong'> {
  const row = await readOwnFactors(tx, actor.userId);
  if (!row.enabledAt || !row.ciphertext) return 'not-enrolled';
  const typed = code?.replace(/\s/g, '') ?? '';
  if (!typed) return 'missing';
  const step = await checkTotp(open(row.ciphertext, actor.userId), typed, row.lastTimeStep);
  if (step !== null) {
    await tx.update(schema.users).set({ totpLastTimeStep: step }).where(eq(schema.users.id, actor.userId));
    return 'ok';
  }
  const backup = normalizeBackupCode(typed);
  if (!backup) return 'wrong';
  for (const hash of row.backupCodeHashes) {
    if (await verifyPassword(hash, backup)) {
      await tx
        .update(schema.users)
        .set({ backupCodeHashes: sql`array_remove(${schema.users.backupCodeHashes}, ${hash})` })
        .where(eq(schema.users.id, actor.userId));
      await queueAudit(tx, actor, { action: 'account.use_backup_code', subjectType: 'account', subjectId: actor.userId });
      return 'ok';
    }
  }
  return 'wrong';
}

export type TwoFactorStatus = { isEnabled: boolean; backupCodesLeft: number; isRequired: boolean };

export async function getTwoFactorStatus({ actor }: { actor: Actor }): Promise<TwoFactorStatus> {
  return withActor(actor, async (tx) => {
    const row = await readOwnFactors(tx, actor.userId);
    const [clinic] = await tx.select({ requireTwoFactor: schema.clinics.requireTwoFactor }).from(schema.clinics);
    return {
      isEnabled: Boolean(row.enabledAt),
      backupCodesLeft: row.backupCodeHashes.length,
      isRequired: actor.role !== 'client' && Boolean(clinic?.requireTwoFactor),
    };
  });
}

export type EnrolmentKey = { uri: string; manualKey: string };

/**
 * The key to add to an authenticator app. It is kept (encrypted) until confirmed with a code, so
 * reloading the page shows the same key; two-factor is on only once a code proves the app has it.
 */
export async function beginTwoFactorEnrolment({ actor }: { actor: Actor }): Promise<EnrolmentKey | null> {
  return withActor(actor, async (tx) => {
    const row = await readOwnFactors(tx, actor.userId);
    if (row.enabledAt) return null;
    let secret = row.ciphertext ? open(row.ciphertext, actor.userId) : null;
    if (!secret) {
      secret = newTotpSecret();
      await tx
        .update(schema.users)
        .set({ totpSecretCiphertext: seal(secret, actor.userId) })
        .where(eq(schema.users.id, actor.userId));
    }
    return { uri: totpUri(secret, row.email), manualKey: formatManualKey(secret) };
  });
}

export type ConfirmOutcome =
  | { status: 'enabled'; backupCodes: string[] }
  | { status: 'wrong-code' | 'not-started' | 'already-enabled' }
  | { status: 'throttled'; retryAfterSeconds: number };

/** Turns two-factor on when the code matches the pending key; returns ten backup codes, shown once. */
export async function confirmTwoFactorEnrolment({ actor, code }: { actor: Actor; code: string }): Promise<ConfirmOutcome> {
  const check = codeCheck(actor.userId);
  const throttle = await checkThrottle([check]);
  if (!throttle.isAllowed) return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  const backupCodes = newBackupCodes();
  const hashes = await Promise.all(backupCodes.map((c) => hashPassword(c)));
  const outcome = await withActor(actor, async (tx): Promise<ConfirmOutcome> => {
    const row = await readOwnFactors(tx, actor.userId);
    if (row.enabledAt) return { status: 'already-enabled' };
    if (!row.ciphertext) return { status: 'not-started' };
    const step = await checkTotp(open(row.ciphertext, actor.userId), code.replace(/\s/g, ''), null);
    if (step === null) return { status: 'wrong-code' };
    await tx
      .update(schema.users)
      .set({ totpEnabledAt: new Date(), totpLastTimeStep: step, backupCodeHashes: hashes })
      .where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.enable_two_factor', subjectType: 'account', subjectId: actor.userId });
    return { status: 'enabled', backupCodes };
  });
  if (outcome.status === 'wrong-code') await recordThrottleFailure([check]);
  if (outcome.status === 'enabled') await clearThrottle([check]);
  return outcome;
}

export type DisableOutcome =
  { status: 'disabled' | 'wrong-password' | 'wrong-code' | 'not-enabled' } | { status: 'throttled'; retryAfterSeconds: number };

/** Turning two-factor off needs the password and a current code (or a backup code) again. */
export async function disableTwoFactor({
  actor,
  password,
  code,
}: {
  actor: Actor;
  password: string;
  code: string;
}): Promise<DisableOutcome> {
  const checks: ThrottleCheck[] = [codeCheck(actor.userId), { name: 'passwordChange', key: throttleKey('password', actor.userId) }];
  const throttle = await checkThrottle(checks);
  if (!throttle.isAllowed) return { status: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
  const outcome = await withActor(actor, async (tx): Promise<DisableOutcome> => {
    const row = await readOwnFactors(tx, actor.userId);
    if (!row.enabledAt) return { status: 'not-enabled' };
    if (!row.passwordHash || !(await verifyPassword(row.passwordHash, password))) return { status: 'wrong-password' };
    const second = await verifySecondFactor(tx, actor, code);
    if (second !== 'ok') return { status: 'wrong-code' };
    await tx
      .update(schema.users)
      .set({ totpSecretCiphertext: null, totpEnabledAt: null, totpLastTimeStep: null, backupCodeHashes: [] })
      .where(eq(schema.users.id, actor.userId));
    await queueAudit(tx, actor, { action: 'account.disable_two_factor', subjectType: 'account', subjectId: actor.userId });
    return { status: 'disabled' };
  });
  if (outcome.status === 'wrong-password' || outcome.status === 'wrong-code') {
    await recordThrottleFailure(checks);
    await withActor(actor, (tx) =>
      queueAudit(tx, actor, { action: 'account.disable_two_factor', subjectType: 'account', subjectId: actor.userId, outcome: 'denied' }),
    );
  }
  return outcome;
}

/**
 * An admin turns off two-factor for a colleague who lost their device. Their sessions end; they
 * set it up again at their next sign-in (at once, when the clinic requires it). Audited.
 */
export async function resetTwoFactorFor({ actor, personId }: { actor: Actor; personId: string }): Promise<void> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  if (!/^[0-9a-f-]{36}$/i.test(personId) || personId === actor.userId) throw new TandemError('not_found:person');
  await withActor(actor, async (tx) => {
    const reset = await tx
      .update(schema.users)
      .set({
        totpSecretCiphertext: null,
        totpEnabledAt: null,
        totpLastTimeStep: null,
        backupCodeHashes: [],
        sessionVersion: sql`${schema.users.sessionVersion} + 1`,
      })
      .where(
        sql`${schema.users.id} = ${personId} and exists (select 1 from memberships m where m.user_id = ${personId} and m.clinic_id = ${actor.clinicId})`,
      )
      .returning({ id: schema.users.id });
    if (reset.length !== 1) throw new TandemError('not_found:person');
    await queueAudit(tx, actor, { action: 'account.reset_two_factor', subjectType: 'account', subjectId: personId });
  });
}
