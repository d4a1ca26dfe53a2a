import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { createClinicWithClient, createPerson, assign, grant } from '@/lib/testing/factories';
import { getSinceLastSessionBrief } from './brief';
import {
  getCompanionConversation,
  getCompanionModelSetting,
  listCompanionItems,
  setCompanionModelAllowed,
  listSharedCompanion,
  sendCompanionMessage,
  setCompanionTranscriptShared,
  startCompanionConversation,
} from './companion';
import { exportMyData } from './export';

const THOUGHT_RECORD = [
  'can we do a thought record',
  'My sister cancelled our lunch at the canal cafe',
  'She is avoiding me',
  'hurt, 70',
  'she cancelled twice',
  'she texted that her son is ill',
  'she is busy with her son, not avoiding me',
  '30',
];

async function say(actor: Parameters<typeof sendCompanionMessage>[0]['actor'], conversationId: string, lines: string[]) {
  const replies = [];
  for (const text of lines) replies.push(await sendCompanionMessage({ actor, input: { conversationId, text } }));
  return replies;
}

const rawText = (clientId: string) =>
  queryRows<{ row: string }>(
    getDatabase(),
    sql`select (select coalesce(string_agg(m::text, ' '), '') from companion_messages m where m.client_id = ${clientId}) || (select coalesce(string_agg(i::text, ' '), '') from companion_items i where i.client_id = ${clientId}) || (select coalesce(string_agg(c::text, ' '), '') from companion_conversations c where c.client_id = ${clientId}) as row`,
  ).then((r) => r[0]?.row ?? '');
const alertsOf = (clientId: string) =>
  queryRows<{ source: string; risk_category: string | null; kind: string }>(
    getDatabase(),
    sql`select source, risk_category, kind from alerts where client_id = ${clientId}`,
  );

describe('the companion, stored', () => {
  it('keeps conversations and thought records encrypted, and saves the thought record as a structured item', async () => {
    const { client } = await createClinicWithClient();
    const id = await startCompanionConversation({ actor: client, afterDip: false });
    const replies = await say(client, id, THOUGHT_RECORD);
    expect(replies.at(-1)).toMatchObject({ saved: 'thought_record', isCrisis: false });
    expect(await rawText(client.userId)).not.toMatch(/canal|sister|avoiding/);
    const [item] = await listCompanionItems({ actor: client, clientId: client.userId });
    expect(item).toMatchObject({
      kind: 'thought_record',
      record: { situation: 'My sister cancelled our lunch at the canal cafe', intensityBefore: 70, intensityAfter: 30 },
    });
    const conversation = await getCompanionConversation({ actor: client, clientId: client.userId, conversationId: id });
    expect(conversation.messages).toHaveLength(1 + 2 * THOUGHT_RECORD.length);
  });

  it('raises the urgent alert with the message, category only, and holds the crisis until the client chooses to go on', async () => {
    const { client, therapist } = await createClinicWithClient();
    const id = await startCompanionConversation({ actor: client, afterDip: true });
    const [first, risky, after] = await say(client, id, ['rough day', 'honestly everyone would be better off without me', 'ok']);
    expect(first?.isCrisis).toBe(false);
    expect(risky).toMatchObject({ isCrisis: true, reply: { kind: 'crisis' } });
    expect(after).toMatchObject({ isCrisis: true, reply: { kind: 'crisis' } });
    expect(await alertsOf(client.userId)).toEqual([{ source: 'companion', risk_category: 'burden', kind: 'crisis_language' }]);
    // The therapist learns that it happened, not the words, unless the client shares them.
    await expect(getCompanionConversation({ actor: therapist, clientId: client.userId, conversationId: id })).rejects.toMatchObject({
      code: 'not_found:companion',
    });
  });

  it('refuses bad input and another client’s conversation, changing nothing', async () => {
    const { client, clinicId } = await createClinicWithClient();
    const other = await createPerson(clinicId, 'client');
    const id = await startCompanionConversation({ actor: client, afterDip: false });
    await expect(sendCompanionMessage({ actor: client, input: { conversationId: id, text: '   ' } })).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    await expect(sendCompanionMessage({ actor: client, input: { conversationId: id, text: 'x'.repeat(2001) } })).rejects.toMatchObject({
      code: 'bad_request:input',
    });
    await expect(sendCompanionMessage({ actor: other, input: { conversationId: id, text: 'hello' } })).rejects.toMatchObject({
      code: 'not_found:companion',
    });
    expect((await getCompanionConversation({ actor: client, clientId: client.userId, conversationId: id })).messages).toHaveLength(1);
  });

  it('shows the therapist summaries only while the companion scope is shared, and the words only of a conversation shared explicitly', async () => {
    const { client, therapist, clinicId } = await createClinicWithClient();
    const otherTherapist = await createPerson(clinicId, 'therapist');
    const id = await startCompanionConversation({ actor: client, afterDip: false });
    await say(client, id, ['I want to bring something to my next session', 'How the new job is affecting my sleep']);
    expect(await listSharedCompanion({ actor: therapist, clientId: client.userId })).toBeNull();
    await expect(listCompanionItems({ actor: therapist, clientId: client.userId })).rejects.toMatchObject({ code: 'not_found:client' });

    await grant(client, therapist, 'companion');
    const shared = await listSharedCompanion({ actor: therapist, clientId: client.userId });
    expect(shared?.items).toMatchObject([{ kind: 'session_note', text: 'How the new job is affecting my sleep' }]);
    expect(shared?.conversations).toEqual([]);
    const brief = await getSinceLastSessionBrief({ actor: therapist, clientId: client.userId });
    expect(brief.companion).toEqual({ thoughtRecords: 0, sessionNotes: ['How the new job is affecting my sleep'] });
    await expect(listSharedCompanion({ actor: otherTherapist, clientId: client.userId })).rejects.toMatchObject({
      code: 'not_found:client',
    });

    await setCompanionTranscriptShared({ actor: client, conversationId: id, isShared: true });
    const withWords = await listSharedCompanion({ actor: therapist, clientId: client.userId });
    expect(withWords?.conversations[0]?.messages.map((m) => m.text)).toContain('How the new job is affecting my sleep');
    const audits = await queryRows<{ action: string; outcome: string }>(
      getDatabase(),
      sql`select action, outcome from audit_events where subject_client_id = ${client.userId} and actor_id = ${therapist.userId}`,
    );
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['companion.list', 'companion.read']));
  });

  it('underneath, row-level security hides unshared rows from an assigned therapist', async () => {
    const { client, therapist } = await createClinicWithClient();
    const id = await startCompanionConversation({ actor: client, afterDip: false });
    await say(client, id, ['I want to bring something to my next session', 'a private note']);
    const count = async () => {
      const db = getDatabase();
      return db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('role', 'tandem_app', true), set_config('app.user_id', ${therapist.userId}, true), set_config('app.clinic_id', ${therapist.clinicId}, true)`,
        );
        const rows = await queryRows<{ n: number }>(
          tx,
          sql`select (select count(*) from companion_items)::int + (select count(*) from companion_messages)::int + (select count(*) from companion_conversations)::int as n`,
        );
        return rows[0]?.n;
      });
    };
    expect(await count()).toBe(0);
    await grant(client, therapist, 'companion');
    expect(await count()).toBe(1);
  });

  it('is part of the client’s export and goes with the account', async () => {
    const { client, clinicId } = await createClinicWithClient();
    const therapist2 = await createPerson(clinicId, 'therapist');
    await assign(client, therapist2);
    const id = await startCompanionConversation({ actor: client, afterDip: false });
    await say(client, id, THOUGHT_RECORD);
    const exported = await exportMyData({ actor: client, format: 'json' });
    expect(exported.companion.conversations[0]?.messages[1]).toMatchObject({ author: 'client', text: THOUGHT_RECORD[0] });
    expect(exported.companion.items[0]).toMatchObject({ kind: 'thought_record', thought: 'She is avoiding me' });
    await getDatabase().execute(sql`delete from users where id = ${client.userId}`);
    expect(await rawText(client.userId)).toBe('');
  });

  it('lets only a clinic admin allow the optional model, off by default and audited', async () => {
    const { client, admin, therapist } = await createClinicWithClient();
    expect(await getCompanionModelSetting({ actor: admin })).toEqual({ isAllowed: false, isConfigured: false });
    await expect(setCompanionModelAllowed({ actor: therapist, isAllowed: true })).rejects.toMatchObject({ code: 'forbidden:role' });
    await expect(setCompanionModelAllowed({ actor: client, isAllowed: true })).rejects.toMatchObject({ code: 'forbidden:role' });
    await setCompanionModelAllowed({ actor: admin, isAllowed: true });
    expect((await getCompanionModelSetting({ actor: admin })).isAllowed).toBe(true);
    const audits = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select action from audit_events where actor_id = ${admin.userId}`,
    );
    expect(audits.map((a) => a.action)).toContain('clinic.allow_companion_model');
  });
});
