import 'server-only';
import { createHmac } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { schema, type Transaction } from '@/db';
import { progressiveDelaySeconds } from '@/lib/auth/retry';
import { getSecrets } from '@/lib/secrets';
import { withoutActor } from './context';

/**
 * Throttling of everything that checks a secret: sign-in, two-factor codes, invitation links and
 * password changes. Counters live in the database (rate-limiter-flexible's Drizzle store, table
 * rate_limits), so they hold across processes and restarts, on PGlite as on PostgreSQL.
 *
 * The store runs inside our own transaction as the app role (never on the raw connection), so it
 * works under the same least-privilege roles as every other query.
 *
 * Numbers follow OWASP's Authentication Cheat Sheet (throttle per account and per source, lock
 * for a limited time, not forever) and NIST SP 800-63B 5.2.2 (at most 100 failed attempts on one
 * account before it is stopped): an attacker may try 10 passwords per account and address per
 * quarter hour, 50 per account from anywhere per hour, 100 from one address per hour.
 */
export type ThrottleRule = { points: number; durationSeconds: number; blockSeconds: number };

export const throttleRules = {
  // One account tried from one address: the limit a person mistyping their password meets.
  signInPair: { points: 9, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  // One account from many addresses: high enough that a stranger cannot lock a colleague out cheaply.
  signInAccount: { points: 49, durationSeconds: 60 * 60, blockSeconds: 15 * 60 },
  // One address trying many accounts (password spraying).
  signInSource: { points: 99, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  // Six-digit codes: 5 wrong codes, then a quarter hour's wait.
  code: { points: 4, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  // Invitation links and password changes.
  invitation: { points: 19, durationSeconds: 60 * 60, blockSeconds: 60 * 60 },
  passwordChange: { points: 4, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleName = keyof typeof throttleRules;

const DELAY_PREFIX = 'delay';

function limiter(tx: Transaction, name: ThrottleName | typeof DELAY_PREFIX) {
  const rule: ThrottleRule = name === DELAY_PREFIX ? { points: 1, durationSeconds: 60, blockSeconds: 0 } : throttleRules[name];
  return new RateLimiterDrizzle({
    storeClient: tx,
    schema: schema.rateLimits,
    keyPrefix: name,
    points: rule.points,
    duration: rule.durationSeconds,
    blockDuration: rule.blockSeconds,
    clearExpiredByTimeout: false,
  });
}

/** Keys are HMACs: the table never holds an email or an address in clear. */
export function throttleKey(...parts: string[]): string {
  return createHmac('sha256', getSecrets().authSecret).update(parts.join('\u0000')).digest('base64url');
}

export type ThrottleCheck = { name: ThrottleName; key: string };
export type ThrottleVerdict = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

/** Whether an attempt may go ahead now: refused while any of its counters is blocked or delayed. */
export async function checkThrottle(checks: readonly ThrottleCheck[]): Promise<ThrottleVerdict> {
  return withoutActor(async (tx) => {
    let waitMs = 0;
    for (const { name, key } of checks) {
      const rule = throttleRules[name];
      const res = await limiter(tx, name).get(key);
      if (res && res.consumedPoints > rule.points) waitMs = Math.max(waitMs, res.msBeforeNext);
      const delay = await limiter(tx, DELAY_PREFIX).get(`${name}:${key}`);
      if (delay && delay.consumedPoints > 1) waitMs = Math.max(waitMs, delay.msBeforeNext);
    }
    if (waitMs <= 0) return { isAllowed: true };
    return { isAllowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
  });
}

/**
 * Counts one failure against each counter. The first check's counter also sets the progressive
 * delay. Runs in its own transaction, so the count stays even when the caller's work rolls back.
 */
export async function recordThrottleFailure(checks: readonly ThrottleCheck[]): Promise<void> {
  await withoutActor(async (tx) => {
    for (const [i, { name, key }] of checks.entries()) {
      const res = await limiter(tx, name)
        .consume(key)
        .catch((rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return rejection;
          throw rejection;
        });
      const delaySeconds = i === 0 ? progressiveDelaySeconds(res.consumedPoints) : 0;
      if (delaySeconds > 0) await limiter(tx, DELAY_PREFIX).block(`${name}:${key}`, delaySeconds);
    }
    // Expired counters are no longer needed: keep the table small.
    await tx.delete(schema.rateLimits).where(lt(schema.rateLimits.expire, sql`now() - interval '1 hour'`));
  });
}

/** A success clears the counters that a person's own mistakes filled (not the per-address one). */
export async function clearThrottle(checks: readonly ThrottleCheck[]): Promise<void> {
  await withoutActor(async (tx) => {
    for (const { name, key } of checks) {
      await limiter(tx, name).delete(key);
      await limiter(tx, DELAY_PREFIX).delete(`${name}:${key}`);
    }
  });
}
