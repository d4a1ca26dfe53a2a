import { describe, expect, it } from 'vitest';
import { composeInvitationEmail } from './invitation-email';

describe('composeInvitationEmail', () => {
  const base = { clinicName: 'Riverside', link: 'https://tandem.example/invite/abc', expiresAt: new Date('2026-12-03T10:00:00Z') };

  it('names the clinic, the role, the link and the expiry', () => {
    const mail = composeInvitationEmail({ ...base, role: 'therapist' });
    expect(mail.subject).toBe('Your invitation to Riverside on Tandem');
    expect(mail.text).toContain('as a therapist');
    expect(mail.text).toContain(base.link);
    expect(mail.text).toContain('Thu, 03 Dec 2026 10:00:00 GMT');
  });

  it('tells a client who their therapist will be', () => {
    expect(composeInvitationEmail({ ...base, role: 'client', therapistName: 'Sam Rivera' }).text).toContain(
      'Your therapist will be Sam Rivera.',
    );
    expect(composeInvitationEmail({ ...base, role: 'admin', therapistName: 'Sam Rivera' }).text).not.toContain('Sam Rivera');
  });
});
