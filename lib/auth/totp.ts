import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

// RFC 6238 TOTP as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps, a
// 160-bit secret (RFC 4226 section 4 recommends at least 160 bits).
export const TOTP_ISSUER = 'Tandem';
// One step either side of now (RFC 6238 section 5.2 allows a small window for clock drift).
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** The secret in groups of four, easier to type into an app by hand. */
export function formatManualKey(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function isCodeShaped(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step a code belongs to, or null when it is wrong. A code for a step at or before
 * `afterTimeStep` (the last one accepted) is refused, so a code seen over a shoulder cannot be replayed.
 */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null, epochSeconds?: number): Promise<number | null> {
  if (!isCodeShaped(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
    ...(epochSeconds !== undefined ? { epoch: epochSeconds } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

// Backup codes: ten, single use, 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L):
// 31^10 ≈ 8 × 10^14 possibilities each, shown once and stored only as argon2id hashes.
export const BACKUP_CODE_COUNT = 10;
const BACKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => BACKUP_ALPHABET[randomInt(BACKUP_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What a person typed as a backup code, made comparable: upper case, no spaces, one dash. */
export function normalizeBackupCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 10 || [...chars].some((c) => !BACKUP_ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
