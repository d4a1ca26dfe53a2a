import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { BENCH_PASSWORD, benchSecrets, parseClientCount } from './constants';
import { signIn } from './http';
import { summarize } from './stats';

// `npm run bench:load [-- --json] [-- --skip-build] [-- --clients N] [-- --duration S] [-- --connections C]`:
// Tandem in its production shape on one machine: PostgreSQL behind PgBouncer (transaction mode,
// ops/pgbouncer), the production build as 1 and then 2 `next start` processes behind HAProxy
// (ops/haproxy, round robin, no sticky sessions). Seeds the benchmark clinic (2,000 clients by
// default), then autocannon drives a mix for each shape: three in four connections are therapists
// opening their caseload and their clients' pages, one in four is a client opening the check-in
// and saving a check-in (the form posted as a browser without JavaScript would). Prints
// throughput and p95 for each shape. Worker processes (the outreach work's queue, when it lands)
// would start beside the web processes here, on the same PgBouncer.

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    clients: { type: 'string' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '16' },
  },
});
const CLIENTS = parseClientCount(args.clients);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
if (typeof CLIENTS === 'string') {
  console.error(CLIENTS);
  process.exit(2);
}
if (!Number.isInteger(DURATION) || DURATION < 1 || !Number.isInteger(CONNECTIONS) || CONNECTIONS < 4) {
  console.error('--duration takes whole seconds (1 or more) and --connections a whole number, 4 or more.');
  process.exit(2);
}
const PGBOUNCER_PORT = 6433;
const WEB_PORTS = [3194, 3195];
const LB_PORT = 3196;
const LB_URL = `http://127.0.0.1:${LB_PORT}`;
const THERAPISTS = 4;
const CHECKING_IN = 24;

const log = (line: string) => process.stderr.write(`${line}\n`);
const secrets = benchSecrets();
const children: ChildProcess[] = [];

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

function start(command: string, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, argv, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(url: string, what: string): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${what} did not answer in 4 minutes`);
}

/** The check-in form's hidden Server Action fields, so a POST saves a check-in as the browser's form would. */
async function checkInForm(cookie: string): Promise<{ body: Buffer; contentType: string }> {
  const html = await (await fetch(`${LB_URL}/check-in?another=1`, { headers: { cookie } })).text();
  const decode = (value: string) =>
    value.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const form = new FormData();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g))
    form.append(decode(name as string), decode(value ?? ''));
  if ([...form.keys()].length === 0) throw new Error('the check-in page has no form to post');
  for (const [name, value] of [
    ['mood', '6'],
    ['anxiety', '4'],
    ['energy', '5'],
    ['sleepHours', '7.5'],
    ['note', ''],
  ])
    form.append(name as string, value as string);
  const request = new Request(`${LB_URL}/check-in`, { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') as string };
}

type Shape = { webProcesses: number; requestsPerSecond: number; p95Ms: number; medianMs: number; requests: number; errors: number };

async function measure(webProcesses: number, env: NodeJS.ProcessEnv, clientEmails: string[]): Promise<Shape> {
  log(`\n${webProcesses} web process${webProcesses > 1 ? 'es' : ''}: starting…`);
  const webs = WEB_PORTS.slice(0, webProcesses).map((port) =>
    start(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(port)], {
      ...env,
      NEXTAUTH_URL: LB_URL,
      NODE_ENV: 'production',
    }),
  );
  const web = (i: number) => `127.0.0.1:${WEB_PORTS[i % webProcesses]}`;
  const haproxy = start('haproxy', ['-db', '-f', 'ops/haproxy/haproxy.cfg'], {
    ...process.env,
    TANDEM_LB_PORT: String(LB_PORT),
    TANDEM_WEB_1: web(0),
    TANDEM_WEB_2: web(1),
  });
  try {
    for (const port of WEB_PORTS.slice(0, webProcesses))
      await waitFor(`http://127.0.0.1:${port}/api/health`, `the web process on port ${port}`);
    await waitFor(`${LB_URL}/api/health`, 'HAProxy');
    const therapists = await Promise.all(
      Array.from({ length: THERAPISTS }, (_, i) => signIn(LB_URL, `therapist${i + 1}@bench.tandem.test`, BENCH_PASSWORD)),
    );
    const clientPages = await Promise.all(
      therapists.map(async (cookie) => {
        const html = await (await fetch(`${LB_URL}/caseload`, { headers: { cookie } })).text();
        return [...new Set([...html.matchAll(/href="(\/clients\/[0-9a-f-]{36})"/g)].map((m) => m[1] as string))];
      }),
    );
    const clients = await Promise.all(clientEmails.map((email) => signIn(LB_URL, email, BENCH_PASSWORD)));
    const checkIn = await checkInForm(clients[0] as string);
    // Warm-up: every process renders each kind of page once before the clock starts.
    for (let i = 0; i < 2 * webProcesses; i += 1) {
      for (const [path, cookie] of [
        ['/caseload', therapists[0]],
        [clientPages[0]?.[0] ?? '/caseload', therapists[0]],
        ['/check-in', clients[0]],
      ]) {
        await (await fetch(`${LB_URL}${path}`, { headers: { cookie: cookie as string } })).text();
      }
    }

    // Each connection keeps one person: three in four a therapist, one in four a client.
    let connection = 0;
    type Context = { role: 'therapist' | 'client'; cookie: string; pages: string[]; step: number };
    const latencies: number[] = [];
    let errors = 0;
    let finished: (result: autocannon.Result) => void = () => undefined;
    let failedRun: (error: Error) => void = () => undefined;
    const done = new Promise<autocannon.Result>((resolve, reject) => {
      finished = resolve;
      failedRun = reject;
    });
    const instance = autocannon(
      {
        url: LB_URL,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [
          {
            setupRequest: (request, context) => {
              const ctx = context as Partial<Context>;
              if (!ctx.role) {
                const n = connection++;
                Object.assign(
                  ctx,
                  n % 4 === 3
                    ? { role: 'client', cookie: clients[n % clients.length], pages: [], step: 0 }
                    : { role: 'therapist', cookie: therapists[n % THERAPISTS], pages: clientPages[n % THERAPISTS], step: 0 },
                );
              }
              const { role, cookie, pages, step = 0 } = ctx as Context;
              ctx.step = step + 1;
              const headers = { ...request.headers, cookie };
              if (role === 'client') {
                return step % 2 === 0
                  ? { ...request, method: 'GET', path: '/check-in', headers }
                  : {
                      ...request,
                      method: 'POST',
                      path: '/check-in',
                      body: checkIn.body,
                      headers: { ...headers, 'content-type': checkIn.contentType, origin: LB_URL },
                    };
              }
              return step % 3 === 0
                ? { ...request, method: 'GET', path: '/caseload', headers }
                : { ...request, method: 'GET', path: pages[step % pages.length] as string, headers };
            },
          },
        ],
      },
      (error, result) => (error ? failedRun(error) : finished(result)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (status !== 200 && status !== 303) errors += 1;
    });
    const result = await done;
    const { p95Ms, medianMs } = summarize(latencies);
    // Answers other than 200 and 303, and connection errors (autocannon counts timeouts, 10 s, among them).
    errors += result.errors;
    return {
      webProcesses,
      requestsPerSecond: Math.round((latencies.length / DURATION) * 10) / 10,
      p95Ms,
      medianMs,
      requests: latencies.length + result.errors,
      errors,
    };
  } finally {
    await stop(haproxy);
    for (const child of webs) await stop(child);
  }
}

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const admin = new Client({ connectionString: adminUrl });
// Named after the database DATABASE_URL points at, so checkouts sharing a server stay apart.
const base = new URL(adminUrl).pathname.slice(1).replace(/[^a-z0-9_]/gi, '') || 'tandem';
const name = `${base === 'postgres' ? 'tandem' : base}_load_${process.pid}`;
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-load-'));
const pgbouncerEnv = { ...process.env, PGBOUNCER_PORT: String(PGBOUNCER_PORT), PGBOUNCER_RUN_DIR: runDir };
let created = false;
let failed = false;
// Stopped early (Ctrl-C): stop what was started and drop the load database before leaving.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGTERM');
    spawnSync('bash', ['ops/pgbouncer/run.sh', 'stop'], { env: pgbouncerEnv });
    if (created) spawnSync('psql', [adminUrl, '-qc', `drop database if exists ${name} with (force)`]);
    process.exit(130);
  });
}
try {
  if (!args['skip-build']) {
    log('Building the production app (skip with --skip-build when it is current)…');
    await run('npx', ['next', 'build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
  }
  await admin.connect();
  await admin.query(`create database ${name}`);
  created = true;
  const direct = new URL(adminUrl);
  direct.pathname = `/${name}`;
  const env = { ...process.env, ...secrets, DATABASE_URL: direct.toString(), TANDEM_DATA_DIR: '', NEXT_TELEMETRY_DISABLED: '1' };
  log(`Seeding ${CLIENTS} clients…`);
  await run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bench/seed.ts'], {
    ...env,
    BENCH_CLIENTS: String(CLIENTS),
  });
  // The clients who check in here are ones who have made their sharing choices (anyone else is
  // sent to the welcome page first). The bench clinic's clients have no password; these get the bench's.
  await admin.end();
  const owner = new Client({ connectionString: direct.toString() });
  await owner.connect();
  const { rows: checkingIn } = await owner.query<{ email: string }>(
    `select u.email from users u
      where u.email like 'client%@bench.tandem.test' and exists (select 1 from consent_grants g where g.client_id = u.id)
      order by u.email limit $1`,
    [CHECKING_IN],
  );
  const clientEmails = checkingIn.map((r) => r.email);
  if (clientEmails.length === 0) throw new Error('the bench clinic has no client who shares with their therapist');
  await owner.query(
    `update users set password_hash = (select password_hash from users where email = 'therapist1@bench.tandem.test')
      where email = any($1)`,
    [clientEmails],
  );
  await owner.end();

  await run('bash', ['ops/pgbouncer/run.sh', 'start'], pgbouncerEnv);
  const pooled = new URL(direct);
  pooled.port = String(PGBOUNCER_PORT);
  const webEnv = { ...env, DATABASE_URL: pooled.toString() };
  const shapes = [await measure(1, webEnv, clientEmails), await measure(2, webEnv, clientEmails)];

  if (args.json) {
    console.log(JSON.stringify({ clients: CLIENTS, durationSeconds: DURATION, connections: CONNECTIONS, cpus: os.cpus().length, shapes }));
  } else {
    console.log(
      `Load mix for ${DURATION} s, ${CONNECTIONS} connections, ${CLIENTS}-client clinic, ${os.cpus().length} CPUs, through HAProxy and PgBouncer:`,
    );
    for (const s of shapes) {
      console.log(
        `  ${s.webProcesses} web process${s.webProcesses > 1 ? 'es' : '  '}  ${s.requestsPerSecond.toFixed(1).padStart(6)} requests/s  median ${s.medianMs.toFixed(0).padStart(5)} ms  p95 ${s.p95Ms.toFixed(0).padStart(5)} ms  ${s.errors} errors or timeouts of ${s.requests}`,
      );
    }
  }
} catch (error) {
  log(`\nThe load test stopped: ${(error as Error).message}`);
  failed = true;
} finally {
  for (const child of children) await stop(child);
  await run('bash', ['ops/pgbouncer/run.sh', 'stop'], pgbouncerEnv).catch(() => undefined);
  fs.rmSync(runDir, { recursive: true, force: true });
  if (created) {
    const cleanup = new Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}
process.exit(failed ? 1 : 0);
