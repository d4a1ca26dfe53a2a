import { createHash, randomBytes } from 'node:crypto';

/** How long an invitation link works unless the admin chooses otherwise. */
export const DEFAULT_INVITATION_DAYS = 7;

/** A single-use link token: 32 random bytes, URL-safe. Only its hash is stored. */
export function createInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

// The token is random and long, so a fast hash is enough: nothing to brute-force from it.
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
