import { z } from '@/lib/validation/zod';
import { asTypedInteger } from './calendar-day';
import { phoneSchema } from './phone';
import { roles } from '@/lib/auth/roles';
import { isValidTimeZone } from '@/lib/dates';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit/vocabulary';
import { passwordSchema } from './auth';

const auditActionNames = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

const email = z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.com.'));
const personName = z.string().trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.');
const blankAsUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const inviteSchema = z
  .object({
    email,
    role: z.enum(roles, 'Choose a role.'),
    therapistId: z.preprocess(blankAsUndefined, z.uuid('Choose a therapist.').optional()),
    phone: phoneSchema.default(null),
    expiresInDays: z
      .preprocess(
        asTypedInteger,
        z.number({ error: 'Use whole days.' }).int('Use whole days.').min(1, 'At least 1 day.').max(30, 'At most 30 days.'),
      )
      .default(7),
  })
  .refine((v) => v.role !== 'client' || v.therapistId, { path: ['therapistId'], message: 'Choose the therapist this client will see.' })
  .refine((v) => v.role === 'client' || !v.therapistId, { path: ['therapistId'], message: 'Only a client invitation names a therapist.' })
  .refine((v) => v.role === 'client' || !v.phone, { path: ['phone'], message: 'Only a client invitation carries a phone number.' });
export type InviteInput = z.infer<typeof inviteSchema>;

export const acceptInvitationSchema = z
  .object({
    name: personName,
    password: passwordSchema,
    confirmPassword: z.string(),
    timeZone: z.string().refine(isValidTimeZone, 'Choose a valid time zone.'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match.' });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const personStatuses = ['invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof personStatuses)[number];
export const peopleSortKeys = ['name', 'role', 'status', 'lastSignIn'] as const;

const pageNumber = z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(100_000).catch(1).default(1));
const direction = z.preprocess(blankAsUndefined, z.enum(['asc', 'desc']).catch('asc').default('asc'));

/** The people table's URL: anything unknown falls back to the default rather than failing. */
export const peopleQuerySchema = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(200).optional().catch(undefined)),
  role: z.preprocess(blankAsUndefined, z.enum(roles).optional().catch(undefined)),
  status: z.preprocess(blankAsUndefined, z.enum(personStatuses).optional().catch(undefined)),
  sort: z.preprocess(blankAsUndefined, z.enum(peopleSortKeys).catch('name').default('name')),
  dir: direction,
  page: pageNumber,
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const assignClientsSchema = z.object({
  clientIds: z
    .array(z.uuid('Choose clients from the list.'))
    .min(1, 'Choose at least one client.')
    .max(200, 'Choose at most 200 clients at once.'),
  therapistId: z.uuid('Choose a therapist.'),
});
export type AssignClientsInput = z.infer<typeof assignClientsSchema>;

/** Where each of a departing therapist's clients goes: one or several therapists. */
export const reassignmentPlanSchema = z
  .array(z.object({ clientId: z.uuid('Choose clients from the list.'), therapistId: z.uuid('Choose a therapist for this client.') }))
  .min(1, 'Choose a therapist for each client.')
  .max(500, 'Reassign at most 500 clients at once.');
export type ReassignmentPlan = z.infer<typeof reassignmentPlanSchema>;

/** The deactivation step: reassign every client, or confirm they are left without a therapist. */
export const deactivateTherapistSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('reassign'), id: z.uuid(), plan: reassignmentPlanSchema }),
  z.object({
    intent: z.literal('unassign'),
    id: z.uuid(),
    confirmUnassign: z.literal('yes', 'Tick the box to confirm that these clients will have no therapist for now.'),
  }),
  z.object({ intent: z.literal('deactivate'), id: z.uuid() }),
]);
export type DeactivateTherapistInput = z.infer<typeof deactivateTherapistSchema>;

/**
 * What the deactivation step's form says: each client goes to the therapist chosen for them, else
 * to the one chosen for everyone.
 */
export function readDeactivationForm(form: FormData) {
  const everyone = form.get('everyone') || undefined;
  return {
    intent: form.get('intent'),
    id: form.get('id'),
    confirmUnassign: form.get('confirmUnassign') ?? undefined,
    plan: form.getAll('client').map((clientId) => ({ clientId, therapistId: form.get(`therapist-${String(clientId)}`) || everyone })),
  };
}

/** The deactivation step's errors, keyed by the field that shows them (a client's own choice). */
export function deactivationFieldErrors(error: z.ZodError, form: FormData): Partial<Record<string, string>> {
  const clientIds = form.getAll('client').map(String);
  const fieldErrors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const [first, index] = issue.path;
    const key = first === 'plan' && typeof index === 'number' ? `therapist-${clientIds[index]}` : String(first ?? 'form');
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

export const capacitySchema = z.object({
  therapistId: z.uuid(),
  capacity: z.preprocess(
    blankAsUndefined,
    z
      .preprocess(
        asTypedInteger,
        z.number({ error: 'Use a whole number.' }).int('Use a whole number.').min(0, 'At least 0.').max(500, 'At most 500.'),
      )
      .optional(),
  ),
});

// Ranges match the database checks on clinics; reliable-change defaults are PHQ-9 6 and GAD-7 4
// points (NHS Talking Therapies manual).
export const clinicSettingsSchema = z.object({
  crisisResources: z.string().trim().min(20, 'Give at least a sentence: who to call and how.').max(4000, 'Use at most 4000 characters.'),
  // Completes "the clinic aims to reply …" on the crisis card; the database checks the same 1–200.
  crisisResponseTime: z
    .string()
    .trim()
    .min(1, 'Say how soon the clinic replies, like "within one working day".')
    .max(200, 'Use at most 200 characters.'),
  measureCadenceDays: z.preprocess(
    asTypedInteger,
    z.number({ error: 'Use whole days.' }).int('Use whole days.').min(1, 'At least 1 day.').max(365, 'At most 365 days.'),
  ),
  escalationHours: z.preprocess(
    asTypedInteger,
    z.number({ error: 'Use whole hours.' }).int('Use whole hours.').min(1, 'At least 1 hour.').max(168, 'At most 168 hours (a week).'),
  ),
  phq9ReliableChange: z.preprocess(
    asTypedInteger,
    z.number({ error: 'Use whole points.' }).int('Use whole points.').min(1, 'At least 1 point.').max(27, 'PHQ-9 scores go up to 27.'),
  ),
  gad7ReliableChange: z.preprocess(
    asTypedInteger,
    z.number({ error: 'Use whole points.' }).int('Use whole points.').min(1, 'At least 1 point.').max(21, 'GAD-7 scores go up to 21.'),
  ),
  timeZone: z.string().refine(isValidTimeZone, 'Choose a valid time zone, like Europe/London.'),
});
export type ClinicSettingsInput = z.infer<typeof clinicSettingsSchema>;

const isoDay = z.preprocess(blankAsUndefined, z.iso.date().optional().catch(undefined));
const optionalId = z.preprocess(blankAsUndefined, z.uuid().optional().catch(undefined));

export const auditQuerySchema = z.object({
  actor: optionalId,
  client: optionalId,
  action: z.preprocess(blankAsUndefined, z.enum(auditActionNames).optional().catch(undefined)),
  from: isoDay,
  to: isoDay,
  page: pageNumber,
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

// A checkbox sends "on" when ticked and nothing when not.
export const signInSettingsSchema = z.object({
  requireTwoFactor: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  staffIdleMinutes: z.coerce.number().int('Use whole minutes.').min(5, 'At least 5 minutes.').max(240, 'At most 240 minutes (4 hours).'),
});
export type SignInSettingsInput = z.infer<typeof signInSettingsSchema>;
