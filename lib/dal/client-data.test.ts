import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { historyFromExport } from '@/lib/insights/history-file';
import { parseDaylio } from '@/lib/import/daylio';
import { checkInsFromFile, type ImportedCheckIn } from '@/lib/import/entries';
import type { CsvMapping } from '@/lib/import/generic-csv';
import { readImportFile } from '@/lib/import/read-file';
import { addJournalEntry, addMeasureResponse, addSignedNote, createClinicWithClient, grant, TEST_PASSWORD } from '@/lib/testing/factories';
import { listAccessLog } from './access-log';
import { deleteMyAccount, updateTimeZone } from './account';
import { listCheckIns } from './check-ins';
import { exportMyData } from './export';
import { getHistory } from './history';
import { getImportContext, importCheckIns } from './import';
import { createNote, savePrivateNote } from './notes';
import { cancelPause, createPause, listPauses } from './pauses';
import { saveJournalEntry } from './journal';

type World = Awaited<ReturnType<typeof createClinicWithClient>>;
let w: World;

beforeEach(async () => {
  w = await createClinicWithClient();
});

const daylioSample = readFileSync(fileURLToPath(new URL('../../../shared/data/daylio/sample_multiple_moods.csv', import.meta.url)), 'utf8');
const mapping = { ok: 6, refreshed: 8, good: 8, 'ok but sleepy': 5, bad: 3, anxious: 3 };
const daylio = { source: 'daylio_import', moodMapping: {} } as const;
const count = async (table: string, clientId: string) =>
  (
    await queryRows<{ n: number }>(
      getDatabase(),
      sql`select count(*)::int as n from ${sql.identifier(table)} where client_id = ${clientId}`,
    )
  )[0]?.n;

describe('access log', () => {
  it('shows the client staff reads of their own data, with names, and nobody else’s', async () => {
    const other = await createClinicWithClient();
    await grant(w.client, w.therapist, 'checkins');
    await listCheckIns({ actor: w.therapist, clientId: w.client.userId });
    await grant(other.client, other.therapist, 'checkins');
    await listCheckIns({ actor: other.therapist, clientId: other.client.userId });
    await listCheckIns({ actor: w.client, clientId: w.client.userId });

    const log = await listAccessLog({ actor: w.client });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ subject: 'check_ins', verb: 'read', outcome: 'allowed', staffRole: 'therapist' });
    expect(log[0]?.staffName).toMatch(/^therapist /);
  });

  it('also shows a read that was refused because nothing was shared', async () => {
    await expect(listCheckIns({ actor: w.therapist, clientId: w.client.userId })).rejects.toThrow();
    expect((await listAccessLog({ actor: w.client })).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('names the therapist’s work on session notes, but not their private psychotherapy notes', async () => {
    const { noteId } = await createNote({
      actor: w.therapist,
      clientId: w.client.userId,
      input: { template: 'soap', sessionDate: '2026-11-02' },
    });
    await savePrivateNote({ actor: w.therapist, clientId: w.client.userId, input: { noteId, text: 'My own working hypothesis.' } });
    const log = await listAccessLog({ actor: w.client });
    expect(log.map((e) => `${e.subject}.${e.verb}`)).toEqual(['session_notes.save']);
  });

  it('is for clients only', async () => {
    await expect(listAccessLog({ actor: w.therapist })).rejects.toThrow();
  });
});

describe('Daylio import', () => {
  it('adds every entry once; importing the same file again adds nothing, whatever the mapping', async () => {
    const file = parseDaylio(daylioSample);
    const first = await importCheckIns({
      ...daylio,
      actor: w.client,
      checkIns: checkInsFromFile(file, mapping, 'Europe/Lisbon'),
      timeZone: 'Europe/Lisbon',
    });
    expect(first).toEqual({ added: 7, skipped: 0 });
    const again = await importCheckIns({
      ...daylio,
      actor: w.client,
      checkIns: checkInsFromFile(parseDaylio(daylioSample), { ...mapping, ok: 2 }, 'Europe/Lisbon'),
      timeZone: 'Europe/Lisbon',
    });
    expect(again).toEqual({ added: 0, skipped: 7 });
    expect(await count('check_ins', w.client.userId)).toBe(9);
    const history = await getHistory({ actor: w.client, from: '2020-07-21', to: '2020-07-21' });
    expect(history.checkIns).toEqual([
      { localDate: '2020-07-21', mood: 3, tags: ['Sleeping'] },
      { localDate: '2020-07-21', mood: 3, tags: [] },
    ]);
  });

  it('knows before importing how much of a file is already here, and remembers the moods chosen, for this client only', async () => {
    const file = parseDaylio(daylioSample);
    const keys = file.entries.map((e) => e.importKey);
    const labelKeys = ['ok', 'refreshed', 'good', 'ok but sleepy', 'bad', 'anxious'];
    expect(await getImportContext({ actor: w.client, importKeys: keys, labelKeys })).toEqual({ alreadyImported: 0, rememberedMoods: {} });
    await importCheckIns({
      actor: w.client,
      checkIns: checkInsFromFile(file, mapping, 'UTC'),
      source: 'daylio_import',
      timeZone: 'UTC',
      moodMapping: mapping,
    });
    expect(await getImportContext({ actor: w.client, importKeys: keys, labelKeys })).toEqual({
      alreadyImported: 7,
      rememberedMoods: mapping,
    });
    // A later choice replaces the remembered one.
    await importCheckIns({ actor: w.client, checkIns: [], source: 'daylio_import', timeZone: 'UTC', moodMapping: { ok: 7 } });
    expect((await getImportContext({ actor: w.client, importKeys: [], labelKeys: ['ok'] })).rememberedMoods).toEqual({ ok: 7 });

    const other = await createClinicWithClient();
    expect(await getImportContext({ actor: other.client, importKeys: keys, labelKeys })).toEqual({
      alreadyImported: 0,
      rememberedMoods: {},
    });
    await expect(getImportContext({ actor: w.therapist, importKeys: keys, labelKeys })).rejects.toMatchObject({ code: 'forbidden:role' });
  });

  it('imports an iMoodJournal file once, marked as such', async () => {
    const text = readFileSync(fileURLToPath(new URL('../import/test-data/imoodjournal.csv', import.meta.url)), 'utf8');
    const imported = () =>
      importCheckIns({
        actor: w.client,
        checkIns: checkInsFromFile(readImportFile(text), {}, 'UTC'),
        source: 'imoodjournal_import',
        timeZone: 'UTC',
        moodMapping: {},
      });
    expect(await imported()).toEqual({ added: 3, skipped: 0 });
    expect(await imported()).toEqual({ added: 0, skipped: 3 });
    const rows = await queryRows<{ source: string; mood: number; note: string | null }>(
      getDatabase(),
      sql`select source, mood, note from check_ins where client_id = ${w.client.userId} and source <> 'app' order by recorded_at`,
    );
    expect(rows).toEqual([
      { source: 'imoodjournal_import', mood: 7, note: 'Dinner with friends, then a walk' },
      { source: 'imoodjournal_import', mood: 3, note: null },
      { source: 'imoodjournal_import', mood: 5, note: 'Tired' },
    ]);
  });

  it('imports any other CSV through its mapping once, marked as such, and nothing of a file with a bad row', async () => {
    const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../import/test-data/${name}`, import.meta.url)), 'utf8');
    const csvMapping: CsvMapping = {
      dateColumn: 'Day',
      dateFormat: 'DD/MM/YYYY',
      timeColumn: 'At',
      moodColumn: 'Score',
      moodScale: { kind: 'numbers', min: 1, max: 5 },
      noteColumn: 'Diary',
      tagsColumn: 'Labels',
      tagSeparator: '|',
    };
    const text = fixture('generic-numbers.csv');
    const store = (checkIns: ImportedCheckIn[]) =>
      importCheckIns({ actor: w.client, checkIns, source: 'csv_import', timeZone: 'Europe/Lisbon', moodMapping: {} });
    const imported = async (csv: string) => store(checkInsFromFile(readImportFile(csv, csvMapping), {}, 'Europe/Lisbon'));

    const before = await count('check_ins', w.client.userId);
    const withBadRow = `${text}32/09/2025,10:00,4,,\n`;
    await expect(imported(withBadRow)).rejects.toThrow('Line 5: the date "32/09/2025" is not a real date written DD/MM/YYYY.');
    const good = checkInsFromFile(readImportFile(text, csvMapping), {}, 'Europe/Lisbon');
    await expect(store([...good, { ...good[0]!, importKey: 'csv:bad', mood: 11 }])).rejects.toThrow();
    expect(await count('check_ins', w.client.userId)).toBe(before);

    expect(await imported(text)).toEqual({ added: 3, skipped: 0 });
    expect(await imported(text)).toEqual({ added: 0, skipped: 3 });
    const rows = await queryRows<{ source: string; local_date: string; mood: number; tags: string[]; note: string | null }>(
      getDatabase(),
      sql`select source, local_date::text, mood, tags, note from check_ins where client_id = ${w.client.userId} and source <> 'app' order by recorded_at`,
    );
    expect(rows).toEqual([
      { source: 'csv_import', local_date: '2025-09-05', mood: 1, tags: ['sleep', 'work'], note: 'Rough night, woke early' },
      { source: 'csv_import', local_date: '2025-09-06', mood: 6, tags: [], note: null },
      { source: 'csv_import', local_date: '2025-09-07', mood: 10, tags: ['Walk', 'friends'], note: 'Walk by the river' },
    ]);
  });

  it('imports ten years of entries, two a day, in one go (npm run import:preview prints how long it takes)', async () => {
    const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
    for (let day = 0; day < 3653; day += 1) {
      const date = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${date},x,x,8:15 am,good,"work | walk","","a note"`, `${date},x,x,21:40,meh,"reading","",""`);
    }
    const checkIns = checkInsFromFile(parseDaylio(lines.join('\n')), { good: 8, meh: 5 }, 'Europe/London');
    const before = await count('check_ins', w.client.userId);
    const result = await importCheckIns({ ...daylio, actor: w.client, checkIns, timeZone: 'Europe/London' });
    expect(result.added).toBe(7306);
    expect(await count('check_ins', w.client.userId)).toBe(Number(before) + 7306);
  });

  it('writes nothing when any row is refused by the database', async () => {
    const good = checkInsFromFile(parseDaylio(daylioSample), mapping, 'UTC');
    const bad = [...good, { ...good[0]!, importKey: 'daylio:bad', mood: 11 }];
    await expect(importCheckIns({ ...daylio, actor: w.client, checkIns: bad, timeZone: 'UTC' })).rejects.toThrow();
    expect(await count('check_ins', w.client.userId)).toBe(2);
  });
});

describe('export', () => {
  it('holds the client’s check-ins, measures, journal and pauses, readable by the insights history reader', async () => {
    await addMeasureResponse(w.client, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], '2026-11-03');
    await saveJournalEntry({
      actor: w.client,
      input: { text: 'Walked to the harbour and felt lighter.' },
      at: new Date('2026-11-02T18:00:00Z'),
    });
    await createPause({ actor: w.client, startsOn: '2026-12-01', endsOn: '2026-12-10' });
    const data = await exportMyData({ actor: w.client, format: 'json' });
    expect(data.checkIns.map((c) => [c.localDate, c.mood])).toEqual([
      ['2026-11-01', 6],
      ['2026-11-02', 4],
    ]);
    expect(data.measureResponses[0]).toMatchObject({ instrument: 'phq9', items: [1, 1, 1, 1, 1, 1, 1, 1, 0], localDate: '2026-11-03' });
    expect(data.journalEntries.map((j) => [j.localDate, j.text])).toEqual([['2026-11-02', 'Walked to the harbour and felt lighter.']]);
    expect(data.pauses).toEqual([{ start: '2026-12-01', end: '2026-12-10', cancelledAt: null }]);
    const history = historyFromExport(JSON.parse(JSON.stringify(data)));
    expect(history.checkIns).toHaveLength(2);
    expect(history.measures).toHaveLength(1);
    expect(history.pauses).toEqual([{ start: '2026-12-01', end: '2026-12-10' }]);
  });

  it('is the client’s alone, and is audited', async () => {
    await expect(exportMyData({ actor: w.therapist, format: 'json' })).rejects.toThrow();
    await exportMyData({ actor: w.client, format: 'csv' });
    const rows = await queryRows<{ action: string }>(
      getDatabase(),
      sql`select action from audit_events where actor_id = ${w.client.userId} and action like 'account.export%'`,
    );
    expect(rows).toEqual([{ action: 'account.export_csv' }]);
  });
});

describe('pauses', () => {
  it('creates, lists and cancels a break; a cancelled one cannot be cancelled again', async () => {
    const id = await createPause({ actor: w.client, startsOn: '2026-12-01', endsOn: '2026-12-20' });
    expect((await listPauses({ actor: w.client }))[0]).toMatchObject({
      id,
      startsOn: '2026-12-01',
      endsOn: '2026-12-20',
      cancelledAt: null,
    });
    await cancelPause({ actor: w.client, pauseId: id });
    expect((await listPauses({ actor: w.client }))[0]?.cancelledAt).toBeInstanceOf(Date);
    await expect(cancelPause({ actor: w.client, pauseId: id })).rejects.toThrow('already ended');
  });

  it('refuses a break that ends before it starts, and another client’s break', async () => {
    await expect(createPause({ actor: w.client, startsOn: '2026-12-10', endsOn: '2026-12-01' })).rejects.toThrow();
    const other = await createClinicWithClient();
    const id = await createPause({ actor: other.client, startsOn: '2026-12-01', endsOn: '2026-12-02' });
    await expect(cancelPause({ actor: w.client, pauseId: id })).rejects.toThrow('already ended');
  });
});

describe('time zone', () => {
  it('changes only the person’s own time zone', async () => {
    await updateTimeZone({ actor: w.client, timeZone: 'Asia/Tokyo' });
    const rows = await queryRows<{ id: string; time_zone: string }>(
      getDatabase(),
      sql`select id, time_zone from users where id in (${w.client.userId}, ${w.therapist.userId})`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.time_zone]))).toEqual({
      [w.client.userId]: 'Asia/Tokyo',
      [w.therapist.userId]: 'Europe/Lisbon',
    });
  });
});

describe('account deletion', () => {
  it('changes nothing with a wrong password', async () => {
    expect(await deleteMyAccount({ actor: w.client, password: 'not my password' })).toBe(false);
    expect(await count('check_ins', w.client.userId)).toBe(2);
  });

  it('removes the client’s logs, measures and journal; signed notes stay with the clinic; the deletion is audited', async () => {
    await addMeasureResponse(w.client, 'gad7', [0, 0, 0, 0, 0, 0, 0], '2026-11-03');
    await addJournalEntry(w.client, '2026-11-02');
    await grant(w.client, w.therapist, 'checkins');
    const noteId = await addSignedNote(w.client, w.therapist, '2026-11-04');
    expect(await deleteMyAccount({ actor: w.client, password: TEST_PASSWORD })).toBe(true);
    for (const table of ['check_ins', 'measure_responses', 'journal_entries', 'consent_grants', 'assignments']) {
      expect(await count(table, w.client.userId)).toBe(0);
    }
    const [note] = await queryRows<{ client_id: string | null; status: string }>(
      getDatabase(),
      sql`select client_id, status from session_notes where id = ${noteId}`,
    );
    expect(note).toEqual({ client_id: null, status: 'signed' });
    const audit = await queryRows<{ outcome: string }>(
      getDatabase(),
      sql`select outcome from audit_events where actor_id = ${w.client.userId} and action = 'account.delete'`,
    );
    expect(audit).toEqual([{ outcome: 'allowed' }]);
    expect((await queryRows(getDatabase(), sql`select 1 from users where id = ${w.client.userId}`)).length).toBe(0);
  });
});
