import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { encryptText } from '@/lib/crypto/aes-gcm';
import { BENCH_PASSWORD, DAYS, MEASURED_CASELOAD, parseClientCount, therapistCount } from './constants';
import { Progress } from './progress';

// The benchmark's clinic, written straight into a fresh database by its owner (no request path):
// set-based SQL for the year of check-ins and measures, then each measured therapist's insights
// through the same recompute the app runs after a write. Run by `scripts/bench/run.ts` as a child
// process with DATABASE_URL or TANDEM_DATA_DIR pointing at the bench database.

const { closeDatabase, getDatabase, queryRows } = await import('@/db');
const { migrateDatabase } = await import('@/db/migrate');
const { hashPassword } = await import('@/lib/auth/password');
const { getSecrets } = await import('@/lib/secrets');
const { recomputeClientInsights } = await import('@/lib/dal/insights');

const CLIENTS = parseClientCount(process.env.BENCH_CLIENTS);
if (typeof CLIENTS === 'string') throw new Error(CLIENTS);
const THERAPISTS = therapistCount(CLIENTS);
// Read first: without the keys (PostgreSQL needs them in the environment) nothing is written.
const key = getSecrets().encryptionKey;
const db = getDatabase();
const started = performance.now();
const progress = new Progress(8 + MEASURED_CASELOAD);

await migrateDatabase(db);
progress.tick('schema');
const hash = await hashPassword(BENCH_PASSWORD);
// Two-factor is left optional: the bench times pages, and a clinic that requires it sends
// unenrolled staff to enrolment instead.
const [clinic] = await queryRows<{ id: string }>(
  db,
  sql`insert into clinics (name, time_zone, require_two_factor) values ('Bench clinic', 'Europe/London', false) returning id`,
);
const clinicId = clinic!.id;

// Therapist 1 holds the measured caseload of 150; the other clients are spread over the rest.
await db.execute(sql`
  insert into users (email, name, password_hash, time_zone)
  select 'therapist' || i || '@bench.tandem.test', 'Therapist ' || i, ${hash}, 'Europe/London'
  from generate_series(1, ${THERAPISTS}) i`);
await db.execute(sql`
  insert into users (email, name, time_zone)
  select 'client' || i || '@bench.tandem.test',
         (array['Alex','Bea','Cal','Dee','Eli','Fay','Gil','Hal','Isa','Jo'])[1 + i % 10] || ' ' || 'Client ' || i,
         'Europe/London'
  from generate_series(1, ${CLIENTS}) i`);
await db.execute(sql`
  insert into memberships (user_id, clinic_id, role)
  select id, ${clinicId}, case when email like 'therapist%' then 'therapist'::role else 'client'::role end
  from users where email like '%@bench.tandem.test'`);
progress.tick('people');

await db.execute(sql`
  with t as (select id, substring(email from 'therapist(\\d+)@')::int as n from users where email like 'therapist%@bench.tandem.test'),
       c as (select id, substring(email from 'client(\\d+)@')::int as n from users where email like 'client%@bench.tandem.test')
  insert into assignments (clinic_id, client_id, therapist_id, started_at)
  select ${clinicId}, c.id, t.id, now() - interval '400 days'
  from c join t on t.n = case when c.n <= ${MEASURED_CASELOAD} then 1 else 2 + (c.n - ${MEASURED_CASELOAD} - 1) % ${THERAPISTS - 1} end`);
// Most clients share check-ins and measures; every fourth also the journal; every tenth nothing.
await db.execute(sql`
  insert into consent_grants (clinic_id, client_id, therapist_id, scope, granted_at)
  select a.clinic_id, a.client_id, a.therapist_id, s.scope::consent_scope, now() - interval '390 days'
  from assignments a
  join users u on u.id = a.client_id
  cross join (values ('checkins'), ('measures'), ('journal')) s(scope)
  where substring(u.email from 'client(\\d+)@')::int % 10 <> 0
    and (s.scope <> 'journal' or substring(u.email from 'client(\\d+)@')::int % 4 = 0)`);
progress.tick('assignments and sharing');

// A year of daily check-ins (about 85% of days logged), each client on their own slow wave.
await db.execute(sql`
  insert into check_ins (clinic_id, client_id, local_date, time_zone, recorded_at, mood, anxiety, energy, sleep_hours, tags, note)
  select ${clinicId}, c.id, d.day, 'Europe/London', d.day + time '20:00',
         greatest(1, least(10, round(6 + 2 * sin(d.n / 30.0 + c.phase) + (random() * 3 - 1.5))))::smallint,
         greatest(1, least(10, round(4 + (random() * 4 - 2))))::smallint,
         greatest(1, least(10, round(5 + (random() * 4 - 2))))::smallint,
         round((6 + random() * 3)::numeric, 1),
         case when random() < 0.4 then array['work', (array['family','friends','exercise','tired','calm'])[1 + floor(random() * 5)::int]] else '{}'::text[] end,
         case when random() < 0.1 then 'A short note about the day.' end
  from (select id, random() * 6.28 as phase from users where email like 'client%@bench.tandem.test') c
  cross join lateral (select n, (current_date - ${DAYS - 1}::int + n) as day from generate_series(0, ${DAYS - 1}) n) d
  where random() < 0.85`);
progress.tick('check-ins');

// PHQ-9 and GAD-7 every 14 days; item 9 answered 0 except where an alert is planted below.
for (const [instrument, items] of [
  ['phq9', 9],
  ['gad7', 7],
] as const) {
  await db.execute(sql`
    insert into measure_responses (clinic_id, client_id, instrument, items, completed_at, local_date)
    select ${clinicId}, c.id, ${instrument}::instrument,
           array[${sql.raw(Array.from({ length: items }, (_, k) => (instrument === 'phq9' && k === 8 ? '0::smallint' : 'floor(random() * 2.5)::smallint')).join(', '))}],
           (current_date - ${DAYS - 1}::int + n) + time '19:00', current_date - ${DAYS - 1}::int + n
    from users c cross join generate_series(0, ${DAYS - 1}, 14) n
    where c.email like 'client%@bench.tandem.test'`);
}
progress.tick('measures');

// Every tenth measured client answered PHQ-9 item 9 lately: an urgent alert waits for therapist 1.
await db.execute(sql`
  with latest as (
    select distinct on (m.client_id) m.id, m.client_id
    from measure_responses m join users u on u.id = m.client_id
    where m.instrument = 'phq9' and substring(u.email from 'client(\\d+)@')::int <= ${MEASURED_CASELOAD}
      and substring(u.email from 'client(\\d+)@')::int % 10 = 3
    order by m.client_id, m.completed_at desc),
  answered as (update measure_responses m set items[9] = 1 from latest where m.id = latest.id returning m.id, m.client_id)
  insert into alerts (clinic_id, client_id, therapist_id, kind, source, source_id, answer)
  select ${clinicId}, answered.client_id, a.therapist_id, 'item9', 'measure', answered.id, 1
  from answered join assignments a on a.client_id = answered.client_id`);
progress.tick('alerts');

// Weekly journal entries for the measured caseload, encrypted as the app encrypts them.
const measured = await queryRows<{ id: string }>(
  db,
  sql`
  select c.id from users c join assignments a on a.client_id = c.id
  join users t on t.id = a.therapist_id and t.email = 'therapist1@bench.tandem.test'
  order by c.email`,
);
for (const { id } of measured) {
  const entries = Array.from({ length: Math.ceil(DAYS / 7) }, (_, w) => {
    const text = `Week ${w + 1}: slept badly on Tuesday, a good walk on Saturday, work was heavy.`;
    return sql`(${clinicId}, ${id}, current_date - ${w * 7}::int, ${encryptText(text, key, `journal:${clinicId}:${id}`)})`;
  });
  await db.execute(sql`insert into journal_entries (clinic_id, client_id, local_date, ciphertext) values ${sql.join(entries, sql`, `)}`);
}
progress.tick('journal');
await db.execute(sql`analyze`);
progress.tick('statistics');

for (const { id } of measured) {
  await recomputeClientInsights({ clinicId, clientId: id });
  progress.tick('insights');
}
progress.done();

const [counts] = await queryRows<{ check_ins: number; measures: number }>(
  db,
  sql`
  select (select count(*) from check_ins)::int as check_ins, (select count(*) from measure_responses)::int as measures`,
);
console.error(
  `Seeded ${CLIENTS} clients, ${THERAPISTS} therapists, ${counts!.check_ins} check-ins and ${counts!.measures} questionnaires in ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
await closeDatabase();
