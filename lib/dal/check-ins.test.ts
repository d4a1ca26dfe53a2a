import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { createClinicWithClient, createPerson } from '@/lib/testing/factories';
import { deleteCheckIn, getCheckIn, listCustomTags, recordCheckIn, setTimeZone, updateCheckIn } from './check-ins';

type Row = {
  id: string;
  local_date: string;
  time_zone: string;
  mood: number;
  anxiety: number | null;
  sleep_hours: string | null;
  tags: string[];
  note: string | null;
};
const checkInsOf = (clientId: string) =>
  queryRows<Row>(
    getDatabase(),
    sql`select id, local_date::text, time_zone, mood, anxiety, sleep_hours::text, tags, note from check_ins where client_id = ${clientId} order by recorded_at`,
  );
const actionsOf = (clinicId: string) =>
  queryRows<{ action: string; outcome: string }>(
    getDatabase(),
    sql`select action, outcome from audit_events where clinic_id = ${clinicId} order by seq`,
  ).then((r) => r.map((e) => `${e.action}:${e.outcome}`));

describe('recordCheckIn', () => {
  it('stores the check-in on the client’s own day: 23:30 in Lisbon is that day in Lisbon', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const { id, localDate } = await recordCheckIn({
      actor: client,
      input: { mood: '6', anxiety: '3', sleepHours: '7.5', tags: ['walk', 'calm'], note: 'Better than yesterday' },
      at: new Date('2026-07-15T22:30:00Z'),
    });
    expect(localDate).toBe('2026-07-15');
    const rows = await checkInsOf(client.userId);
    expect(rows.find((r) => r.id === id)).toMatchObject({
      local_date: '2026-07-15',
      time_zone: 'Europe/Lisbon',
      mood: 6,
      anxiety: 3,
      sleep_hours: '7.5',
      tags: ['walk', 'calm'],
      note: 'Better than yesterday',
    });
    expect((await actionsOf(clinicId)).at(-1)).toBe('check_ins.create:allowed');
  });

  it('follows the client’s time zone when they change it', async () => {
    const { client } = await createClinicWithClient();
    await setTimeZone({ actor: client, timeZone: 'America/Los_Angeles' });
    const { localDate } = await recordCheckIn({ actor: client, input: { mood: 5 }, at: new Date('2026-07-16T05:00:00Z') });
    expect(localDate).toBe('2026-07-15');
    await expect(setTimeZone({ actor: client, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'bad_request:input' });
  });

  it('remembers the client’s own tags once, not the default ones', async () => {
    const { client } = await createClinicWithClient();
    await recordCheckIn({ actor: client, input: { mood: 7, tags: ['calm', 'choir practice'] } });
    await recordCheckIn({ actor: client, input: { mood: 8, tags: ['choir practice'] } });
    expect(await listCustomTags({ actor: client })).toEqual(['choir practice']);
  });

  it('changes nothing on bad input, and is for clients only', async () => {
    const { clinicId, client, therapist } = await createClinicWithClient();
    const before = await checkInsOf(client.userId);
    const auditBefore = await actionsOf(clinicId);
    for (const input of [{ mood: 11 }, { mood: '' }, { mood: 5, sleepHours: 30 }, { mood: 5, note: 'x'.repeat(2001) }]) {
      await expect(recordCheckIn({ actor: client, input })).rejects.toMatchObject({ code: 'bad_request:input' });
    }
    await expect(recordCheckIn({ actor: therapist, input: { mood: 5 } })).rejects.toMatchObject({ code: 'forbidden:role' });
    expect(await checkInsOf(client.userId)).toEqual(before);
    expect(await actionsOf(clinicId)).toEqual(auditBefore);
  });
});

describe('updateCheckIn and deleteCheckIn', () => {
  it('correct an earlier check-in, keeping its day, audited', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const [first] = await checkInsOf(client.userId);
    await updateCheckIn({ actor: client, checkInId: first!.id, input: { mood: 3, tags: ['tired'], note: 'Corrected' } });
    expect(await getCheckIn({ actor: client, checkInId: first!.id })).toMatchObject({
      localDate: '2026-11-01',
      mood: 3,
      tags: ['tired'],
      note: 'Corrected',
      anxiety: null,
    });
    expect(await actionsOf(clinicId)).toContain('check_ins.update:allowed');
  });

  it('delete a check-in, audited without its content', async () => {
    const { clinicId, client } = await createClinicWithClient();
    const [first, second] = await checkInsOf(client.userId);
    await deleteCheckIn({ actor: client, checkInId: first!.id });
    expect((await checkInsOf(client.userId)).map((r) => r.id)).toEqual([second!.id]);
    expect((await actionsOf(clinicId)).at(-1)).toBe('check_ins.delete:allowed');
  });

  it('never reach another person’s check-in, and bad input changes nothing', async () => {
    const { client, therapist } = await createClinicWithClient();
    const other = await createPerson(client.clinicId, 'client');
    const before = await checkInsOf(client.userId);
    const id = before[0]!.id;
    await expect(updateCheckIn({ actor: other, checkInId: id, input: { mood: 1 } })).rejects.toMatchObject({ code: 'not_found:check_in' });
    await expect(deleteCheckIn({ actor: other, checkInId: id })).rejects.toMatchObject({ code: 'not_found:check_in' });
    await expect(getCheckIn({ actor: other, checkInId: id })).rejects.toMatchObject({ code: 'not_found:check_in' });
    await expect(deleteCheckIn({ actor: therapist, checkInId: id })).rejects.toMatchObject({ code: 'forbidden:role' });
    await expect(deleteCheckIn({ actor: client, checkInId: 'not-an-id' })).rejects.toMatchObject({ code: 'not_found:check_in' });
    await expect(updateCheckIn({ actor: client, checkInId: id, input: { mood: 0 } })).rejects.toMatchObject({ code: 'bad_request:input' });
    expect(await checkInsOf(client.userId)).toEqual(before);
  });
});
