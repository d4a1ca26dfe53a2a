import { describe, expect, it } from 'vitest';
import { clinicSettingsSchema, deactivateTherapistSchema, deactivationFieldErrors, readDeactivationForm } from './admin';

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
  clinicSettingsSchema
    .safeParse({ ...form, crisisResponseTime })
    .error?.issues.filter((i) => i.path[0] === 'crisisResponseTime')
    .map((i) => i.message);

describe('clinicSettingsSchema: crisis response time', () => {
  it('keeps the clinic’s words, trimmed', () => {
    expect(clinicSettingsSchema.parse({ ...form, crisisResponseTime: '  within four working hours \n' }).crisisResponseTime).toBe(
      'within four working hours',
    );
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

const therapistId = '00000000-0000-4000-8000-000000000001';
const [jordan, priya] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const [ola, pim] = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'];

// The deactivation action's two steps, as the action pipeline takes them: read and parse, then key the errors.
function parseDeactivationForm(form: FormData) {
  const parsed = deactivateTherapistSchema.safeParse(readDeactivationForm(form));
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, fieldErrors: deactivationFieldErrors(parsed.error, form) };
}

function formData(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('the deactivation step’s form', () => {
  it('sends each client to the therapist chosen for them, else to the one for everyone', () => {
    const parsed = parseDeactivationForm(
      formData([
        ['id', therapistId],
        ['intent', 'reassign'],
        ['client', ola],
        ['client', pim],
        ['everyone', priya],
        [`therapist-${ola}`, jordan],
        [`therapist-${pim}`, ''],
      ]),
    );
    expect(parsed).toEqual({
      success: true,
      data: {
        intent: 'reassign',
        id: therapistId,
        plan: [
          { clientId: ola, therapistId: jordan },
          { clientId: pim, therapistId: priya },
        ],
      },
    });
  });

  it('names each client left without a choice', () => {
    const parsed = parseDeactivationForm(
      formData([
        ['id', therapistId],
        ['intent', 'reassign'],
        ['client', ola],
        ['client', pim],
        [`therapist-${ola}`, jordan],
      ]),
    );
    expect(parsed).toEqual({ success: false, fieldErrors: { [`therapist-${pim}`]: 'Choose a therapist for this client.' } });
  });

  it('leaves clients unassigned only with the box ticked', () => {
    expect(
      parseDeactivationForm(
        formData([
          ['id', therapistId],
          ['intent', 'unassign'],
          ['client', ola],
        ]),
      ),
    ).toMatchObject({
      success: false,
      fieldErrors: { confirmUnassign: expect.stringContaining('Tick the box') },
    });
    expect(
      parseDeactivationForm(
        formData([
          ['id', therapistId],
          ['intent', 'unassign'],
          ['client', ola],
          ['confirmUnassign', 'yes'],
        ]),
      ),
    ).toMatchObject({
      success: true,
      data: { intent: 'unassign' },
    });
  });
});
