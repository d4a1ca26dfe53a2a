import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { BENCH_PASSWORD } from './constants';
import { summarize } from './stats';

// The floor under each page: the raw SQL that fetches the same rows, run as the database owner
// (no row-level security, no audit, no rendering) with the app's planner settings, timed the
// same number of times as the page.
// Prints JSON on stdout for `scripts/bench/run.ts`.

const { closeDatabase, getDatabase, queryRows } = await import('@/db');
const { caseloadFactsQuery } = await import('@/lib/dal/therapist-caseload');

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const db = getDatabase();

const [therapist] = await queryRows<{ id: string; email: string }>(
  db,
  sql`select id, email from users where email = 'therapist1@bench.tandem.test'`,
);
if (!therapist) throw new Error('the bench clinic is not seeded');
// Clients who share everything (check-ins, measures and journal) with therapist 1.
const clients = await queryRows<{ id: string }>(
  db,
  sql`
  select u.id from users u join assignments a on a.client_id = u.id and a.therapist_id = ${therapist.id}
  where (select count(distinct g.scope) from consent_grants g where g.client_id = u.id and g.therapist_id = ${therapist.id}) = 3
  order by u.email limit 10`,
);
const clientIds = clients.map((c) => c.id);

/** What every therapist page reads: the signed-in person, and the open alerts for the banner. */
function layoutQueries(therapistId: string): SQL[] {
  return [
    sql`select u.name, m.role, u.session_version, u.time_zone, u.deactivated_at
          from users u join memberships m on m.user_id = u.id where u.id = ${therapistId}`,
    sql`select a.id, a.kind, a.answer, a.client_id, u.name, a.created_at
          from alerts a join users u on u.id = a.client_id
         where a.therapist_id = ${therapistId}
           and not exists (select 1 from alert_acknowledgements k where k.alert_id = a.id)
         order by a.created_at desc`,
  ];
}

/**
 * What the client page reads for one client: the overview, the timeline at 90 days,
 * questionnaires, check-in notes, journal, signals and the since-last-session brief.
 */
function clientPageQueries(clientId: string, therapistId: string): SQL[] {
  return [
    ...layoutQueries(therapistId),
    sql`select name, time_zone from users where id = ${clientId}`,
    sql`select scope from consent_grants where client_id = ${clientId} and therapist_id = ${therapistId}
          and revoked_at is null and (expires_at is null or expires_at > now())`,
    sql`select local_date, mood from check_ins where client_id = ${clientId} and local_date >= current_date - 90 order by local_date`,
    sql`select id, instrument, items, difficulty, local_date from measure_responses where client_id = ${clientId} order by completed_at`,
    sql`select id, kind, severity, direction, summary, window_start, window_end, evidence, status, review_state, snoozed_until
          from insights where client_id = ${clientId} order by detected_at desc`,
    sql`select r.id, r.insight_id, r.action, r.reason, r.snoozed_until, u.name, r.created_at
          from insight_reviews r left join users u on u.id = r.reviewer_id where r.client_id = ${clientId} order by r.created_at desc`,
    sql`select e.insight_id from care_plan_evidence e join care_plan_versions v on v.id = e.care_plan_version_id
          join care_plans p on p.id = v.care_plan_id where p.client_id = ${clientId}`,
    sql`select id, session_date, status from session_notes where client_id = ${clientId} order by session_date`,
    sql`select id, local_date, ciphertext from journal_entries where client_id = ${clientId} order by local_date desc, created_at desc limit 20`,
    sql`select id, local_date, mood, tags, note from check_ins
          where client_id = ${clientId} and (note is not null or cardinality(tags) > 0)
          order by local_date desc, recorded_at desc limit 30`,
    sql`select session_date from session_notes where client_id = ${clientId} and status = 'signed' and session_date < current_date
          order by session_date desc limit 1`,
    sql`select local_date, mood, tags from check_ins where client_id = ${clientId} and local_date >= current_date - 42`,
    sql`select instrument, items, local_date from measure_responses where client_id = ${clientId} order by completed_at desc limit 40`,
    sql`select starts_on, ends_on from pauses where client_id = ${clientId} and cancelled_at is null`,
    sql`select kind, answer, created_at from alerts where client_id = ${clientId} and created_at >= current_date - 15`,
  ];
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** One transaction with the app's planner settings (no JIT: see lib/dal/context.ts). */
function inTransaction(queries: SQL[]) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true)`);
    for (const query of queries) await tx.execute(query);
  });
}

const caseload: number[] = [];
const clientPage: number[] = [];
for (let i = 0; i < 5 + RUNS; i += 1) {
  const caseloadMs = await time(() => inTransaction([...layoutQueries(therapist.id), caseloadFactsQuery(therapist.id)]));
  const clientId = clientIds[i % clientIds.length] as string;
  const clientMs = await time(() => inTransaction(clientPageQueries(clientId, therapist.id)));
  if (i >= 5) {
    caseload.push(caseloadMs);
    clientPage.push(clientMs);
  }
}
await closeDatabase();
console.log(
  JSON.stringify({
    therapistEmail: therapist.email,
    password: BENCH_PASSWORD,
    clientIds,
    caseload: summarize(caseload),
    clientPage: summarize(clientPage),
  }),
);
