import { describe, expect, it } from 'vitest';
import { createInvitationToken, hashInvitationToken, isWellFormedToken } from './token';

describe('invitation tokens', () => {
  it('are random, URL-safe and well formed', () => {
    const a = createInvitationToken();
    const b = createInvitationToken();
    expect(a).not.toBe(b);
    expect(isWellFormedToken(a)).toBe(true);
    expect(encodeURIComponent(a)).toBe(a);
  });

  it('hash to a stable hex digest that does not contain the token', () => {
    const token = createInvitationToken();
    expect(hashInvitationToken(token)).toBe(hashInvitationToken(token));
    expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(token)).not.toContain(token);
  });

  it('reject anything that is not a token', () => {
    expect(isWellFormedToken('')).toBe(false);
    expect(isWellFormedToken('../../etc/passwd')).toBe(false);
    expect(isWellFormedToken('a'.repeat(44))).toBe(false);
  });
});
