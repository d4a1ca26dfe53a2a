import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { TandemError } from '@/lib/errors';
import { createClinicWithClient, grant } from '@/lib/testing/factories';
import type { Actor } from './context';
import { saveCarePlan } from './care-plan';
import { recordCheckIn, setTimeZone } from './check-ins';
import { sendCompanionMessage, startCompanionConversation } from './companion';
import { cancelPlannedReminder, planActivationReminder } from './companion-reminders';
import { createNote } from './notes';
import { createPause } from './pauses';
import { updateClinicSettings } from './settings';

// The DAL functions behind the server actions that write, driven with random and hostile input
// as each role: each either succeeds or refuses with a typed error (never `internal`, the 500),
// and a refusal writes nothing: every table's row count is unchanged, and the audit log gains
// at most the denials it records on purpose.

const TABLES = [
  'check_ins',
  'care_plans',
  'care_plan_versions',
  'session_notes',
  'pauses',
  'clinics',
  'users',
  'alerts',
  'custom_tags',
  'companion_reminders',
];

async function snapshot(clinicId: string) {
  const [row] = await queryRows<Record<string, number>>(
    getDatabase(),
    sql.raw(`select ${TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`),
  );
  const audit = await queryRows<{ outcome: string }>(
    getDatabase(),
    sql`select outcome from audit_events where clinic_id = ${clinicId} order by seq`,
  );
  return { counts: row, audit: audit.map((a) => a.outcome) };
}

const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '1e1',
    '0x10',
    'NaN',
    'Infinity',
    '-1',
    '11',
    '1.5',
    '',
    ' 5 ',
    '2026-02-30',
    '2026-99-99',
    '1900-01-01',
    '3000-01-01',
    'Mars/Olympus_Mons',
    '<script>',
    '\u0000',
    "'; drop table users; --",
  ),
  fc.string({ minLength: 2001, maxLength: 5000 }),
);
const hostileValue = fc.oneof(hostileText, fc.integer(), fc.double(), fc.constant(null), fc.array(hostileText, { maxLength: 3 }));

describe('writes driven with hostile input', () => {
  it('never fail as internal errors and never leave a partial write', { timeout: 300_000 }, async () => {
    const { clinicId, client, therapist, admin } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    const roles: Actor[] = [client, therapist, admin];
    // A conversation where the companion offers a reminder, so the reminder's own checks are reached.
    const offerId = await startCompanionConversation({ actor: client, afterDip: false });
    for (const text of ['I need something small to do', 'a walk', 'at 17:30'])
      await sendCompanionMessage({ actor: client, input: { conversationId: offerId, text } });

    type Attempt = (actor: Actor, v: Record<string, unknown>) => Promise<unknown>;
    const writes: Record<string, Attempt> = {
      recordCheckIn: (actor, v) => recordCheckIn({ actor, input: v as never }),
      setTimeZone: (actor, v) => setTimeZone({ actor, timeZone: v.timeZone as string }),
      createPause: (actor, v) => createPause({ actor, startsOn: String(v.startsOn), endsOn: String(v.endsOn) }),
      createNote: (actor, v) => createNote({ actor, clientId: client.userId, input: v as never }),
      saveCarePlan: (actor, v) =>
        saveCarePlan({
          actor,
          input: {
            clientId: client.userId,
            baseVersion: v.baseVersion as number,
            content: {
              problems: [],
              goals: [{ id: 'g1', text: 'Sleep', measure: 'Diary', targetDate: v.targetDate as string }],
              interventions: [],
              reviewDate: v.reviewDate as string,
            },
          } as never,
        }),
      updateClinicSettings: (actor, v) => updateClinicSettings({ actor, input: v as never }),
      planActivationReminder: (actor, v) =>
        planActivationReminder({
          actor,
          input: { conversationId: 'conversationId' in v ? v.conversationId : offerId, day: v.day, time: v.time } as never,
        }),
      cancelPlannedReminder: (actor, v) => cancelPlannedReminder({ actor, reminderId: v.reminderId as string }),
    };
    const fields = [
      'mood',
      'anxiety',
      'sleepHours',
      'note',
      'tags',
      'timeZone',
      'startsOn',
      'endsOn',
      'template',
      'sessionDate',
      'baseVersion',
      'targetDate',
      'reviewDate',
      'measureCadenceDays',
      'escalationHours',
      'conversationId',
      'day',
      'time',
      'reminderId',
    ];

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(writes)),
        fc.constantFrom(0, 1, 2),
        fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: 8 }),
        async (name, roleIndex, values) => {
          const before = await snapshot(clinicId);
          let error: unknown = null;
          await writes[name]!(roles[roleIndex]!, values).catch((e: unknown) => {
            error = e;
          });
          if (error === null) return;
          expect(error, `${name} as ${roles[roleIndex]!.role}: ${String(error)}`).toBeInstanceOf(TandemError);
          expect((error as TandemError).code).not.toBe('internal');
          const after = await snapshot(clinicId);
          expect(after.counts).toEqual(before.counts);
          expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
          expect(after.audit.slice(before.audit.length).every((o) => o === 'denied')).toBe(true);
        },
      ),
      { numRuns: 250, seed: 14 },
    );
  });

  it('refuse the inputs the issue found stored or failing: impossible dates and numbers in disguise', async () => {
    const { client, therapist } = await createClinicWithClient();
    await expect(recordCheckIn({ actor: client, input: { mood: '1e1' } as never })).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(
      createNote({ actor: therapist, clientId: client.userId, input: { template: 'soap', sessionDate: '1900-01-01' } }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(
      createNote({ actor: therapist, clientId: client.userId, input: { template: 'soap', sessionDate: '3000-01-01' } }),
    ).rejects.toMatchObject({ code: 'bad_request:input' });
    const plan = (targetDate: string, reviewDate: string) =>
      saveCarePlan({
        actor: therapist,
        input: {
          clientId: client.userId,
          baseVersion: 0,
          content: { problems: [], goals: [{ id: 'g1', text: 'Sleep', measure: 'Diary', targetDate }], interventions: [], reviewDate },
        } as never,
      });
    await expect(plan('2026-99-99', '')).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(plan(new Date().toISOString().slice(0, 10), '2026-02-30')).rejects.toMatchObject({ code: 'bad_request:input' });
    await expect(createPause({ actor: client, startsOn: '2026-02-30', endsOn: '2026-03-01' })).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    await expect(setTimeZone({ actor: client, timeZone: 'Mars/Olympus_Mons' })).rejects.toMatchObject({ code: 'bad_request:input' });
  });
});
