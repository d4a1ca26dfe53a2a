import 'server-only';
import { schema } from '@/db';
import { TandemError } from '@/lib/errors';
import { clinicSettingsSchema, type ClinicSettingsInput, type SignInSettingsInput } from '@/lib/validation/admin';
import { queueAudit } from './audit';
import { withActor, type Actor } from './context';

export type ClinicSettings = ClinicSettingsInput & { clinicName: string };

const columns = {
  clinicName: schema.clinics.name,
  crisisResources: schema.clinics.crisisResources,
  crisisResponseTime: schema.clinics.crisisResponseTime,
  measureCadenceDays: schema.clinics.measureCadenceDays,
  escalationHours: schema.clinics.escalationHours,
  phq9ReliableChange: schema.clinics.phq9ReliableChange,
  gad7ReliableChange: schema.clinics.gad7ReliableChange,
  timeZone: schema.clinics.timeZone,
};

export async function getClinicSettings({ actor }: { actor: Actor }): Promise<ClinicSettings> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [row] = await tx.select(columns).from(schema.clinics);
    if (!row) throw new TandemError('not_found:page');
    return row;
  });
}

/** Saves the clinic's settings as one change, audited (the values are settings, not clinical content). */
export async function updateClinicSettings({ actor, input }: { actor: Actor; input: ClinicSettingsInput }): Promise<void> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  const parsed = clinicSettingsSchema.safeParse(input);
  if (!parsed.success) throw new TandemError('bad_request:input', parsed.error.issues[0]?.message);
  await withActor(actor, async (tx) => {
    const [row] = await tx.update(schema.clinics).set(parsed.data).returning({ id: schema.clinics.id });
    if (!row) throw new TandemError('forbidden:role');
    await queueAudit(tx, actor, { action: 'clinic.update_settings', subjectType: 'clinic', subjectId: row.id });
  });
}

/** Two-factor for staff and the idle limit of staff sessions. */
export async function getSignInSettings({ actor }: { actor: Actor }): Promise<SignInSettingsInput> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ requireTwoFactor: schema.clinics.requireTwoFactor, staffIdleMinutes: schema.clinics.staffIdleMinutes })
      .from(schema.clinics);
    if (!row) throw new TandemError('not_found:page');
    return row;
  });
}

export async function updateSignInSettings({ actor, input }: { actor: Actor; input: SignInSettingsInput }): Promise<void> {
  if (actor.role !== 'admin') throw new TandemError('forbidden:role');
  await withActor(actor, async (tx) => {
    const [row] = await tx.update(schema.clinics).set(input).returning({ id: schema.clinics.id });
    if (!row) throw new TandemError('forbidden:role');
    await queueAudit(tx, actor, { action: 'clinic.update_sign_in_settings', subjectType: 'clinic', subjectId: row.id });
  });
}
