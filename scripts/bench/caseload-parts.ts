import { performance } from 'node:perf_hooks';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { Client } from 'pg';
import type { CaseloadFactsRow } from '@/lib/dal/therapist-caseload';
import { MEASURED_CASELOAD } from './constants';

// `npm run bench:caseload-parts [-- --json]`: where the caseload's time goes, on a kept bench database
// (seed one with `BENCH_CLIENTS=2000 DATABASE_URL=… npx tsx --conditions=react-server
// scripts/bench/seed.ts`, with NEXTAUTH_SECRET, TANDEM_ENCRYPTION_KEY and TANDEM_AUDIT_KEY set as
// for any PostgreSQL run; PostgreSQL only, DATABASE_URL names it). Medians of:
// - each row-level-security helper, one call per statement, under EXPLAIN ANALYZE (server time);
// - the caseload's statement under EXPLAIN ANALYZE as the owner and as `tandem_app` with therapist 1's
//   context set as lib/dal/context.ts sets it: the difference is what the policies cost;
// - `toCaseloadRow` over therapist 1's 150 clients, in this process.

const { closeDatabase, queryRows } = await import('@/db');
const { caseloadFactsQuery, toCaseloadRow } = await import('@/lib/dal/therapist-caseload');
const { actorContextStatement, withActorReading } = await import('@/lib/dal/context');
const { localDateIn } = await import('@/lib/dates');

const json = process.argv.includes('--json');
const RUNS = 30;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const owner = new Client({ connectionString: process.env.DATABASE_URL });
await owner.connect();
const [therapist] = (
  await owner.query<{ id: string; clinic_id: string }>(
    `select u.id, m.clinic_id from users u join memberships m on m.user_id = u.id where u.email = 'therapist1@bench.tandem.test'`,
  )
).rows;
if (!therapist) throw new Error('the bench clinic is not seeded');

const dialect = new PgDialect();
const statement = (query: SQL) => dialect.sqlToQuery(query);
/** Therapist 1's context, as every DAL transaction sets it; the owner's runs only turn JIT off, as the app does. */
const appContext = statement(actorContextStatement(therapist.id, therapist.clinic_id));
const ownerContext = { sql: `select set_config('jit', 'off', true)`, params: [] };

/** Server-side execution time of `query`, as tandem_app with therapist 1's context or as the owner. */
async function explained(query: { sql: string; params: unknown[] }, asApp: boolean): Promise<number> {
  const times: number[] = [];
  const context = asApp ? appContext : ownerContext;
  for (let i = 0; i < RUNS + 3; i += 1) {
    await owner.query('begin');
    await owner.query(context.sql, context.params);
    const { rows } = await owner.query<{ 'QUERY PLAN': string }>(`explain (analyze, timing off) ${query.sql}`, query.params);
    await owner.query('rollback');
    const ms = /Execution Time: ([\d.]+)/.exec(rows.map((r) => r['QUERY PLAN']).join('\n'))?.[1];
    if (i >= 3) times.push(Number(ms));
  }
  return median(times);
}

const helpers: Record<string, number> = {};
for (const call of ["app_consented_clients('checkins')", 'app_assigned_clients()', 'app_visible_users()', 'app_role()']) {
  helpers[call] = await explained({ sql: `select (select ${call})`, params: [] }, true);
}

const caseload = statement(caseloadFactsQuery(therapist.id));
const statementMs = { owner: await explained(caseload, false), tandemApp: await explained(caseload, true) };

const actor = { userId: therapist.id, clinicId: therapist.clinic_id, role: 'therapist' as const };
const facts = await withActorReading(actor, (tx) => queryRows<CaseloadFactsRow>(tx, caseloadFactsQuery(actor.userId)));
if (facts.length !== MEASURED_CASELOAD) throw new Error(`expected ${MEASURED_CASELOAD} clients, read ${facts.length}`);
const timeZone = 'Europe/London';
const rowTimes: number[] = [];
for (let i = 0; i < RUNS * 10; i += 1) {
  const started = performance.now();
  const therapistToday = localDateIn(timeZone);
  for (const raw of facts) toCaseloadRow(raw, { therapistToday, timeZone });
  rowTimes.push(performance.now() - started);
}
const bytes = Buffer.byteLength(JSON.stringify(facts));

const result = {
  helperCallMs: helpers,
  caseloadStatementMs: statementMs,
  toCaseloadRowAllClientsMs: Math.round(median(rowTimes) * 100) / 100,
  factsJsonBytes: bytes,
};
if (json) console.log(JSON.stringify(result));
else {
  for (const [call, ms] of Object.entries(helpers)) console.log(`${call.padEnd(36)} ${ms.toFixed(3)} ms a call`);
  console.log(`caseload statement: ${statementMs.owner.toFixed(1)} ms as the owner, ${statementMs.tandemApp.toFixed(1)} ms as tandem_app`);
  console.log(`toCaseloadRow, ${facts.length} clients: ${result.toCaseloadRowAllClientsMs} ms (facts ${bytes} bytes as JSON)`);
}
await owner.end();
await closeDatabase();
