import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema } from './admin';

const form = {
  crisisResources: 'Call 999 in an emergency, or Samaritans on 116 123 at any hour.',
  crisisResponseTime: 'within one working day',
  measureCadenceDays: '14',
  escalationHours: '24',
  phq9ReliableChange: '6',
  gad7ReliableChange: '4',
  timeZone: 'Europe/London',
};

const responseTimeErrors = (crisisResponseTime: string) =>
  clinicSettingsSchema.safeParse({ ...form, crisisResponseTime }).error?.issues.filter((i) => i.path[0] === 'crisisResponseTime').map((i) => i.message);

describe('clinicSettingsSchema: crisis response time', () => {
  it('keeps the clinic’s words, trimmed', () => {
    expect(clinicSettingsSchema.parse({ ...form, crisisResponseTime: '  within four working hours \n' }).crisisResponseTime).toBe('within four working hours');
  });

  it('asks for a time when it is blank or only spaces', () => {
    expect(responseTimeErrors('')).toEqual(['Say how soon the clinic replies, like "within one working day".']);
    expect(responseTimeErrors('   ')).toEqual(['Say how soon the clinic replies, like "within one working day".']);
  });

  it('accepts 200 characters and refuses 201', () => {
    expect(responseTimeErrors('x'.repeat(200))).toBeUndefined();
    expect(responseTimeErrors('x'.repeat(201))).toEqual(['Use at most 200 characters.']);
  });

  it('is required', () => {
    expect(clinicSettingsSchema.safeParse({ ...form, crisisResponseTime: undefined }).success).toBe(false);
  });
});
