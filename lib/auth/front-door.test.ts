import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength';
import { deviceOf, sourceOf } from './request-source';
import { progressiveDelaySeconds, retryMessage } from './retry';
import { signInFeedback } from './sign-in-errors';
import { checkTotp, formatManualKey, newBackupCodes, newTotpSecret, normalizeBackupCode, totpUri } from './totp';

describe('passwordProblem', () => {
  it('asks staff for 12 characters and clients for 10', () => {
    expect(passwordProblem('kx9!vb2#qlm', 'therapist')).toContain('at least 12 characters');
    expect(passwordProblem('kx9!vb2#qlm', 'admin')).toContain('at least 12 characters');
    expect(passwordProblem('kx9!vb2#qlm', 'client')).toBeNull();
    expect(passwordProblem('kx9!vb2#q', 'client')).toContain('at least 10 characters');
  });

  it('refuses common and breached passwords, whatever their length', () => {
    for (const common of ['password1234', 'qwertyuiopasdf', 'iloveyou123456', '123456789012']) {
      expect(passwordProblem(common, 'client')).toMatch(/common|guess/);
    }
  });

  it('refuses a password made of the person’s own name or email', () => {
    expect(passwordProblem('morgan.lee.morgan', 'admin', ['morgan.lee@demo.tandem.test', 'Morgan Lee'])).not.toBeNull();
  });

  it('accepts a few unrelated words and refuses more than 128 characters', () => {
    expect(passwordProblem('copper kettle autumn', 'admin')).toBeNull();
    expect(passwordProblem('a'.repeat(129), 'admin')).toContain('at most 128');
  });
});

describe('TOTP', () => {
  it('accepts the current code and one step either side, and never a code at or before the last accepted step', async () => {
    const secret = newTotpSecret();
    const epoch = 1_800_000_000;
    const code = await generate({ secret, epoch });
    const step = await checkTotp(secret, code, null, epoch);
    expect(step).toBe(Math.floor(epoch / 30));
    expect(await checkTotp(secret, code, null, epoch + 30)).toBe(step);
    expect(await checkTotp(secret, code, null, epoch + 90)).toBeNull();
    expect(await checkTotp(secret, code, step, epoch)).toBeNull();
    expect(await checkTotp(secret, '12345', null, epoch)).toBeNull();
  });

  it('gives a 160-bit key, an otpauth URI for the QR code and a key grouped by four', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'sam@clinic.example')).toMatch(/^otpauth:\/\/totp\/Tandem:sam%40clinic\.example\?.*secret=[A-Z2-7]{32}/);
    expect(formatManualKey('ABCDEFGHIJKL')).toBe('ABCD EFGH IJKL');
  });

  it('makes ten distinct backup codes and reads them back however they are typed', () => {
    const codes = newBackupCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const [first] = codes as [string];
    expect(normalizeBackupCode(first.toLowerCase().replace('-', ' '))).toBe(first);
    expect(normalizeBackupCode('ABCDE-0OOOO')).toBeNull();
    expect(normalizeBackupCode('123456')).toBeNull();
  });
});

describe('request source and device', () => {
  it('takes the address the nearest proxy added, never one the client put first', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    expect(sourceOf(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5' }))).toBe('203.0.113.5');
    expect(sourceOf(headers({ 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
    expect(sourceOf(headers({}))).toBe('unknown');
  });

  it('names the browser and system in plain words', () => {
    expect(
      deviceOf('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15'),
    ).toBe('Safari on macOS');
    expect(
      deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0'),
    ).toBe('Edge on Windows');
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0')).toBe('Firefox on Linux');
    expect(deviceOf(undefined)).toBe('Unknown device');
  });
});

describe('throttling messages', () => {
  it('waits 1, 2, 4 … 60 seconds after the third failure', () => {
    expect([1, 2, 3, 4, 5, 6, 10, 20].map(progressiveDelaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 60, 60]);
  });

  it('says when to try again, and the same for an unknown email as for a wrong password', () => {
    expect(retryMessage(1)).toBe('Too many attempts. Please wait 1 second and try again.');
    expect(retryMessage(899)).toBe('Too many attempts. Please try again in 15 minutes.');
    expect(signInFeedback('throttled:30')).toEqual({
      kind: 'message',
      message: 'Too many attempts. Please wait 30 seconds and try again.',
    });
    expect(signInFeedback('refused')).toEqual(signInFeedback('CredentialsSignin'));
    expect(signInFeedback('code-required')).toEqual({ kind: 'code-required' });
  });
});
