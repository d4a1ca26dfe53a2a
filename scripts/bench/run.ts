import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { benchSecrets, parseClientCount } from './constants';
import { signIn, timePage } from './http';
import { summarize, type Timing } from './stats';
import type { RequestTrace } from './trace';

// `npm run bench [-- --json] [-- --only postgres|embedded] [-- --skip-build] [-- --clients N] [-- --trace]`:
// seeds a large clinic (2,000 clients by default, one therapist per 50, a year of daily check-ins
// and fortnightly questionnaires) into a fresh database, then times the caseload page of a
// therapist with 150 clients and a client page, over HTTP against the production build, beside
// the raw SQL that fetches the same rows.
// Goals (issue 17): p95 within 3× its SQL floor at 2,000 clients, within 4× above that; the
// absolute p95 is printed for the record. With --trace (PostgreSQL only) the server also records
// each page request's statements and where its time went (scripts/bench/trace.ts), and the bench
// prints their medians; tracing adds a little to every request, so take the timings from a run
// without it.

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '60' },
    clients: { type: 'string' },
    trace: { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const CLIENTS = parseClientCount(args.clients);
if (typeof CLIENTS === 'string') {
  console.error(CLIENTS);
  process.exit(2);
}
const RATIO_GOAL = CLIENTS <= 2_000 ? 3 : 4;
if (args.only !== undefined && args.only !== 'postgres' && args.only !== 'embedded') {
  console.error('--only takes "postgres" or "embedded".');
  process.exit(2);
}
if (args.trace && args.only !== 'postgres') {
  console.error('--trace counts PostgreSQL statements: use it with --only postgres.');
  process.exit(2);
}
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('--runs takes a whole number of requests, 1 or more.');
  process.exit(2);
}
// A free port, so benchmarks of two checkouts on one machine never time each other's server.
const PORT = await new Promise<number>((resolve, reject) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
  probe.on('error', reject);
});
const BASE_URL = `http://localhost:${PORT}`;
type Target = 'postgres' | 'embedded';
/** Medians over a page's traced requests (--trace). */
type TraceSummary = {
  requests: number;
  statements: number;
  beforeFirstStatementMs: number;
  statementsSpanMs: number;
  waitingMs: number;
  afterLastStatementMs: number;
  /** The statements that cost the most per request: median time across requests, by text. */
  costliest: { sql: string; perRequest: number; medianMs: number }[];
};
type PageResult = Timing & { sqlFloorP95Ms: number; sqlFloorMedianMs: number; trace?: TraceSummary };
type Result = { caseload: PageResult; clientPage: PageResult };

const log = (line: string) => process.stderr.write(`${line}\n`);
const secrets = benchSecrets();

function run(command: string, argv: string[], env: NodeJS.ProcessEnv, capture = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

const tsx = (script: string) => ['--conditions=react-server', '--import', 'tsx', script];

async function waitForHealth(server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (server.exitCode !== null) throw new Error('the Tandem server stopped while starting');
    try {
      if ((await fetch(`${BASE_URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the Tandem server did not become healthy in 2 minutes');
}

async function measureTarget(target: Target, env: NodeJS.ProcessEnv): Promise<Result> {
  log(`\n${target}: seeding ${CLIENTS} clients…`);
  await run(process.execPath, tsx('scripts/bench/seed.ts'), { ...env, BENCH_CLIENTS: String(CLIENTS) });
  log(`${target}: timing the raw SQL…`);
  const floor = JSON.parse(await run(process.execPath, tsx('scripts/bench/floor.ts'), { ...env, BENCH_RUNS: String(RUNS) }, true)) as {
    therapistEmail: string;
    password: string;
    clientIds: string[];
    caseload: Timing;
    clientPage: Timing;
  };

  log(`${target}: starting the production server…`);
  const traceFile = args.trace ? path.join(os.tmpdir(), `tandem-bench-trace-${process.pid}.jsonl`) : null;
  const tracing = traceFile ? ['--import', 'tsx', '--import', path.resolve('scripts/bench/trace.ts')] : [];
  const server = spawn(process.execPath, [...tracing, 'node_modules/next/dist/bin/next', 'start', '--port', String(PORT)], {
    env: { ...env, ...(traceFile && { TANDEM_TRACE_FILE: traceFile }), NEXTAUTH_URL: BASE_URL, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(server);
    const cookie = await signIn(BASE_URL, floor.therapistEmail, floor.password);
    log(`${target}: timing ${RUNS} caseload and ${RUNS} client page responses…`);
    const caseload = summarize(await timePage(`${BASE_URL}/caseload`, cookie, { warmup: 5, runs: RUNS }));
    const clientDurations: number[] = [];
    for (const [i, clientId] of floor.clientIds.entries()) {
      const runs = Math.ceil(RUNS / floor.clientIds.length);
      clientDurations.push(...(await timePage(`${BASE_URL}/clients/${clientId}`, cookie, { warmup: i === 0 ? 5 : 1, runs })));
    }
    const clientPage = summarize(clientDurations);
    const traces = traceFile ? readTraces(traceFile) : [];
    const withFloor = (page: Timing, sqlFloor: Timing, isPage: (path: string) => boolean): PageResult => ({
      ...page,
      sqlFloorMedianMs: sqlFloor.medianMs,
      sqlFloorP95Ms: sqlFloor.p95Ms,
      ...(traceFile && { trace: summarizeTraces(traces.filter((t) => isPage(t.path))) }),
    });
    return {
      caseload: withFloor(caseload, floor.caseload, (p) => p === '/caseload'),
      clientPage: withFloor(clientPage, floor.clientPage, (p) => p.startsWith('/clients/')),
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    if (traceFile) fs.rmSync(traceFile, { force: true });
  }
}

function readTraces(file: string): RequestTrace[] {
  if (!fs.existsSync(file)) throw new Error('--trace: the server wrote no trace (was scripts/bench/trace.ts loaded?)');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as RequestTrace);
}

/** Medians of every traced request of one page, warm-up included. */
function summarizeTraces(traces: readonly RequestTrace[]): TraceSummary {
  const median = (pick: (t: RequestTrace) => number) => summarize(traces.map(pick)).medianMs;
  return {
    requests: traces.length,
    statements: median((t) => t.statements),
    beforeFirstStatementMs: median((t) => t.beforeFirstStatementMs),
    statementsSpanMs: median((t) => t.statementsSpanMs),
    waitingMs: median((t) => t.waitingMs),
    afterLastStatementMs: median((t) => t.afterLastStatementMs),
    costliest: costliestStatements(traces),
  };
}

/** The five statement texts with the most time per request (count per request × median time). */
function costliestStatements(traces: readonly RequestTrace[]): TraceSummary['costliest'] {
  const bySql = new Map<string, number[]>();
  for (const t of traces) {
    for (const s of t.timed) {
      const times = bySql.get(s.sql) ?? [];
      times.push(s.ms);
      bySql.set(s.sql, times);
    }
  }
  return [...bySql.entries()]
    .map(([sql, times]) => ({
      sql,
      perRequest: Math.round((times.length / traces.length) * 10) / 10,
      medianMs: summarize(times).medianMs,
    }))
    .sort((a, b) => b.perRequest * b.medianMs - a.perRequest * a.medianMs)
    .slice(0, 5);
}

async function onPostgres(): Promise<Result | null> {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//')} cannot be reached (${(error as Error).message}): skipped.`);
    return null;
  }
  // Named after the database DATABASE_URL points at, so checkouts sharing a server stay apart.
  const base = new URL(adminUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, '') || 'tandem';
  const name = `${base === 'postgres' ? 'tandem' : base}_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await measureTarget('postgres', { ...process.env, ...secrets, DATABASE_URL: url.toString(), TANDEM_DATA_DIR: '' });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onEmbedded(): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-'));
  try {
    return await measureTarget('embedded', { ...process.env, ...secrets, DATABASE_URL: '', TANDEM_DATA_DIR: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(target: Target, result: Result): void {
  const line = (label: string, r: PageResult) => {
    const ratio = r.p95Ms / r.sqlFloorP95Ms;
    const verdict = ratio <= RATIO_GOAL ? 'meets the goal' : `misses the goal (≤ ${RATIO_GOAL}× floor)`;
    return `  ${label.padEnd(12)} median ${r.medianMs.toFixed(1).padStart(6)} ms  p95 ${r.p95Ms.toFixed(1).padStart(6)} ms  | SQL floor median ${r.sqlFloorMedianMs.toFixed(1).padStart(5)} ms  p95 ${r.sqlFloorP95Ms.toFixed(1).padStart(5)} ms  | ${ratio.toFixed(1)}× floor, ${verdict}`;
  };
  const traced = (label: string, t: TraceSummary | undefined) =>
    t &&
    console.log(
      `  ${label.padEnd(12)} traced (medians of ${t.requests} requests): ${t.statements} statements; ${t.beforeFirstStatementMs} ms before the first, ${t.statementsSpanMs} ms from the first to the last (${t.waitingMs} ms of it waiting on the database), ${t.afterLastStatementMs} ms after the last`,
    );
  console.log(`${target === 'postgres' ? 'PostgreSQL' : 'Embedded PGlite'}, ${CLIENTS} clients:`);
  console.log(line('caseload', result.caseload));
  console.log(line('client page', result.clientPage));
  const costliest = (label: string, t: TraceSummary | undefined) =>
    t?.costliest.forEach((s) => console.log(`    ${label}: ${s.perRequest} × ${s.medianMs} ms  ${s.sql}`));
  traced('caseload', result.caseload.trace);
  costliest('caseload', result.caseload.trace);
  traced('client page', result.clientPage.trace);
  costliest('client page', result.clientPage.trace);
}

try {
  if (!args['skip-build']) {
    log('Building the production app (skip with --skip-build when it is current)…');
    await run('npx', ['next', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, true);
  }
  const results: Partial<Record<Target, Result>> = {};
  if (args.only !== 'embedded') {
    const pg = await onPostgres();
    if (pg) results.postgres = pg;
  }
  if (args.only !== 'postgres') results.embedded = await onEmbedded();

  if (args.json) {
    const shape = (r: PageResult) => ({
      medianMs: r.medianMs,
      p95Ms: r.p95Ms,
      sqlFloorP95Ms: r.sqlFloorP95Ms,
      ratio: Math.round((r.p95Ms / r.sqlFloorP95Ms) * 10) / 10,
      ratioGoal: RATIO_GOAL,
      ...(r.trace && { trace: r.trace }),
    });
    const json = {
      clients: CLIENTS,
      ...Object.fromEntries(
        Object.entries(results).map(([target, r]) => [target, { caseload: shape(r.caseload), clientPage: shape(r.clientPage) }]),
      ),
    };
    console.log(JSON.stringify(json));
  } else {
    for (const [target, result] of Object.entries(results)) report(target as Target, result);
  }
} catch (error) {
  log(`\nThe benchmark stopped: ${(error as Error).message}`);
  process.exit(1);
}
