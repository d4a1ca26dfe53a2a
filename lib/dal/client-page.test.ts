import { sql, type SQL } from 'drizzle-orm';
import { PgDatabase, PgDialect, PgSelectBase } from 'drizzle-orm/pg-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { addDays, localDateIn } from '@/lib/dates';
import { addMeasureResponse, addSignedNote, createClinicWithClient, createPerson, grant } from '@/lib/testing/factories';
import { addInsight, addTaggedCheckIn } from '@/lib/testing/factories-workspace';
import { getSinceLastSessionBrief } from './brief';
import { loadClientPage, type ClientPageLoad } from './client-page';
import { getClientTimeline, listCheckInNotes, listMeasureAdministrations, listSharedJournal } from './client-record';
import { listSignals } from './insight-reviews';
import { saveJournalEntry } from './journal';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;
const today = localDateIn('Europe/Lisbon');
const daysAgo = (n: number) => addDays(today, -n);

async function seedRecord(world: World) {
  await addTaggedCheckIn(world.client, daysAgo(2), { tags: ['work'], note: 'Long day' });
  await addMeasureResponse(world.client, 'phq9', [1, 1, 1, 0, 0, 0, 0, 0, 0], daysAgo(20));
  await addMeasureResponse(world.client, 'phq9', [2, 2, 2, 2, 1, 1, 1, 1, 1], daysAgo(5));
  await saveJournalEntry({ actor: world.client, input: { text: 'Slept badly again.' } });
  await addSignedNote(world.client, world.therapist, daysAgo(7));
  await addInsight(world.client, { kind: 'decline', scope: 'checkins', windowStart: daysAgo(30), windowEnd: today });
}

/** Every part, settled: the value or the error of each. */
async function settle(load: ClientPageLoad) {
  const entries = await Promise.all(
    Object.entries(load.parts).map(
      async ([part, promise]) =>
        [
          part,
          await promise.then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          ),
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<keyof ClientPageLoad['parts'], { value?: unknown; error?: unknown }>;
}

type AuditRow = { action: string; outcome: string; occurred_at: string; seq: number };
const auditOf = (actorId: string) =>
  queryRows<AuditRow>(
    getDatabase(),
    sql`select action, outcome, occurred_at::text as occurred_at, seq::int as seq from audit_events where actor_id = ${actorId} order by seq`,
  );

beforeEach(async () => {
  w = await createClinicWithClient();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The statements drizzle sends from now on, as text: its selects, and every raw statement. */
function recordStatements(): () => string[] {
  const dialect = new PgDialect();
  const raw = vi.spyOn(PgDatabase.prototype, 'execute');
  const selects = vi.spyOn(PgSelectBase.prototype, 'then');
  return () => [
    ...selects.mock.calls.map(() => 'select (drizzle)'),
    ...raw.mock.calls.map(([query]) => dialect.sqlToQuery(query as SQL).sql),
  ];
}

describe('the client page loader', () => {
  it('reads every part the page shows, as each DAL function would, in one transaction with one batch of audit events', async () => {
    await seedRecord(w);
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    const load = loadClientPage({ actor: w.therapist, clientId: w.client.userId, range: '90' });
    await load.admitted;
    const parts = await settle(load);

    expect(Object.values(parts).filter((p) => 'error' in p)).toEqual([]);
    expect(parts.client.value).toMatchObject({ clientId: w.client.userId, sharing: ['checkins', 'journal', 'measures'] });
    expect(parts.companion.value).toBeNull();
    expect(parts.reminders.value).toEqual({ state: 'off' });

    // One transaction: every event of the load carries that transaction's start time, in one unbroken run of the chain.
    const audit = await auditOf(w.therapist.userId);
    expect(new Set(audit.map((a) => a.occurred_at)).size).toBe(1);
    expect(audit.map((a) => a.seq)).toEqual(audit.map((_, i) => audit[0]!.seq + i));
    expect(audit.every((a) => a.outcome === 'allowed')).toBe(true);
    expect([...new Set(audit.map((a) => a.action))].sort()).toEqual(
      ['alerts.read', 'check_ins.read', 'client.view', 'insights.read', 'journal.read', 'measures.read', 'reminders.read'].sort(),
    );
    // Several parts read the check-ins (timeline, brief, notes): the log says so once.
    expect(audit).toHaveLength(7);

    // The same rows as the panels' own DAL functions return (each reads in a transaction of its own).
    const clientId = w.client.userId;
    expect(parts.timeline.value).toEqual(await getClientTimeline({ actor: w.therapist, clientId, range: '90' }));
    expect(parts.measures.value).toEqual(await listMeasureAdministrations({ actor: w.therapist, clientId }));
    expect(parts.checkInNotes.value).toEqual(await listCheckInNotes({ actor: w.therapist, clientId }));
    expect(parts.journal.value).toEqual(await listSharedJournal({ actor: w.therapist, clientId }));
    expect(parts.signals.value).toEqual(await listSignals({ actor: w.therapist, clientId }));
    expect(parts.brief.value).toEqual(await getSinceLastSessionBrief({ actor: w.therapist, clientId }));
  });

  it('reads every part in one statement after the admission', async () => {
    await seedRecord(w);
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    const statements = recordStatements();
    const load = loadClientPage({ actor: w.therapist, clientId: w.client.userId, range: '90' });
    const parts = await settle(load);

    expect(Object.values(parts).filter((p) => 'error' in p)).toEqual([]);
    // (drizzle sends begin and commit as statements on PostgreSQL; PGlite opens its transactions itself.)
    const sent = statements().filter((s) => s !== 'begin' && s !== 'commit');
    // The admission (a drizzle select), the context, the parts' one read, and the audit batch.
    expect(sent.filter((s) => s === 'select (drizzle)')).toHaveLength(1);
    expect(sent.filter((s) => s.includes('json_agg'))).toHaveLength(1);
    expect(sent.filter((s) => s.includes('set_config'))).toHaveLength(1);
    expect(sent.filter((s) => s.includes('record_audit_events'))).toHaveLength(1);
    expect(sent).toHaveLength(4);
  });

  it('answers not_found to a therapist the client is not assigned to, records the refusal once and reads nothing', async () => {
    await seedRecord(w);
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    const colleague = await createPerson(w.clinicId, 'therapist');
    const load = loadClientPage({ actor: colleague, clientId: w.client.userId, range: '90' });

    await expect(load.admitted).rejects.toMatchObject({ code: 'not_found:client' });
    const parts = await settle(load);
    for (const part of Object.values(parts)) expect(part.error).toMatchObject({ code: 'not_found:client' });
    expect((await auditOf(colleague.userId)).map((a) => [a.action, a.outcome])).toEqual([['client.view', 'denied']]);
  });

  it('leaves out a scope the client revoked, and does not audit it as read', async () => {
    await seedRecord(w);
    await grant(w.client, w.therapist, 'checkins');
    await grant(w.client, w.therapist, 'measures');
    await grant(w.client, w.therapist, 'journal', {
      grantedAt: new Date(Date.now() - 86_400_000),
      revokedAt: new Date(Date.now() - 60_000),
    });
    const load = loadClientPage({ actor: w.therapist, clientId: w.client.userId, range: '90' });
    const parts = await settle(load);

    expect(parts.journal.value).toBeNull();
    expect(parts.client.value).toMatchObject({ sharing: ['checkins', 'measures'] });
    expect(parts.measures.value).toHaveLength(2);
    const actions = (await auditOf(w.therapist.userId)).map((a) => a.action);
    expect(actions).not.toContain('journal.read');
    expect(actions).toContain('measures.read');
  });

  it('fails one part on its own: an entry that cannot be decrypted fails the journal while the other parts arrive', async () => {
    await seedRecord(w);
    for (const scope of ['checkins', 'measures', 'journal'] as const) await grant(w.client, w.therapist, scope);
    await getDatabase().execute(sql`update journal_entries set ciphertext = 'not-a-sealed-text' where client_id = ${w.client.userId}`);
    const load = loadClientPage({ actor: w.therapist, clientId: w.client.userId, range: '90' });
    const parts = await settle(load);

    expect(parts.journal.error).toBeInstanceOf(Error);
    expect(
      Object.entries(parts)
        .filter(([, p]) => 'error' in p)
        .map(([part]) => part),
    ).toEqual(['journal']);
    expect(parts.measures.value).toHaveLength(2);
  });
});
