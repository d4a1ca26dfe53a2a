import { spawn, type ChildProcess } from 'node:child_process';
import { createECDH, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import webpush from 'web-push';
import { wallClockAt } from '@/lib/dates';
import { minuteStart, slotsFiringAt } from '@/lib/outreach/schedule';

// `npm run bench:reminders [-- --json] [--clients N] [--workers N]` on PostgreSQL (DATABASE_URL
// names the server; the bench makes and drops its own database). 100,000 clients over 20 time
// zones with daily reminders; `npm run worker` processes dispatch two busy minutes for real
// (Web Push, encrypted and signed, to a local push service that counts what arrives). In the
// second minute one worker is killed (SIGKILL) while it holds claimed sends, and restarted.
// Prints, per minute: how many were due, seconds from the minute's start until the last one
// arrived, how many clients were sent two different notifications (duplicates) or one notification
// twice (resent copies, which the device shows once) and how many never got it within five minutes
// (counted at the push service), and what the database recorded (accepted rows, rows retaken from
// a dead worker).

const ZONES = [
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
];
/** The share of clients whose reminder is set to each measured minute (the rest spread over the day). */
const PEAK_SHARE = 0.1;

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const numberArg = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} must be a whole number`);
    process.exit(2);
  }
  return value;
};
const clientCount = numberArg('--clients', 100_000);
const workerCount = numberArg('--workers', 2);
const log = (line: string) => {
  if (!asJson) console.log(line);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('bench:reminders runs on PostgreSQL: set DATABASE_URL to a server it may create a database on.');
  process.exit(2);
}
const dbName = `tandem_bench_${randomBytes(5).toString('hex')}`;
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${dbName}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
await admin.end();

const vapid = webpush.generateVAPIDKeys();
const childEnv = {
  ...process.env,
  DATABASE_URL: benchUrl.toString(),
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  TANDEM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  TANDEM_AUDIT_KEY: randomBytes(32).toString('base64'),
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  NEXTAUTH_URL: 'http://localhost:3000',
};

// The push service: answers 201 like a real one and records which client each message reached,
// when, and for which notification (the Topic header carries its id; the payload is encrypted).
const receipts = new Map<string, { at: number; topic: string }[]>();
const sink = http.createServer((request, response) => {
  const clientId = request.url?.split('/').at(-1) ?? '';
  const topic = String(request.headers.topic ?? '');
  request.resume();
  request.on('end', () => {
    receipts.set(clientId, [...(receipts.get(clientId) ?? []), { at: Date.now(), topic }]);
    response.writeHead(201).end();
  });
});
await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
const sinkPort = (sink.address() as AddressInfo).port;

const db = new pg.Client({ connectionString: benchUrl.toString() });
const workers: ChildProcess[] = [];
const startWorker = () => {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/outreach/worker.ts'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().trimEnd().split('\n')) log(`  [worker ${child.pid}] ${line}`);
  });
  workers.push(child);
  return child;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  // Migrate with the app's own code, in a child process so this one's environment stays as given.
  const migrate = spawn(process.execPath, ['--import', 'tsx', 'db/cli.ts', 'migrate'], {
    env: childEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if ((await new Promise<number>((resolve) => migrate.on('exit', (c) => resolve(c ?? 1)))) !== 0) throw new Error('migration failed');
  await db.connect();

  log(`Seeding ${clientCount.toLocaleString('en')} clients over ${ZONES.length} time zones…`);
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const p256dh = ecdh.getPublicKey().toString('base64url');
  const auth = randomBytes(16).toString('base64url');
  const { rows: clinicRows } = await db.query<{ id: string }>(`insert into clinics (name) values ('Bench clinic') returning id`);
  const clinicId = clinicRows[0]!.id;
  await db.query(
    `insert into users (id, email, name, time_zone)
     select gen_random_uuid(), 'bench' || n || '@bench.tandem.test', 'Client ' || n, ($2::text[])[1 + n % $3]
       from generate_series(1, $1) n`,
    [clientCount, ZONES, ZONES.length],
  );
  await db.query(`insert into memberships (user_id, clinic_id, role) select id, $1, 'client' from users`, [clinicId]);
  // Everyone has a reminder somewhere in the day (on the quarter hour), every day.
  await db.query(
    `insert into reminder_settings (client_id, clinic_id, checkin_enabled, checkin_times)
     select id, $1, true, array[lpad((floor(random() * 24))::text, 2, '0') || ':' || (array['00','15','30','45'])[1 + floor(random() * 4)]] from users`,
    [clinicId],
  );
  await db.query(
    `insert into push_subscriptions (clinic_id, client_id, endpoint, p256dh, auth)
     select $1, id, 'http://127.0.0.1:' || $2 || '/push/' || id, $3, $4 from users`,
    [clinicId, sinkPort, p256dh, auth],
  );

  // Two measured minutes, a little ahead: a tenth of the clients set their reminder to each.
  const first = new Date(minuteStart(new Date()).getTime() + 2 * 60_000);
  const second = new Date(first.getTime() + 3 * 60_000);
  for (const [index, minute] of [first, second].entries()) {
    for (const zone of ZONES) {
      const localTime = wallClockAt(minute, zone).localTime;
      await db.query(
        `update reminder_settings r set checkin_times = array[$1]
           from users u where u.id = r.client_id and u.time_zone = $2
            and ('x' || substr(md5(u.id::text), 1, 8))::bit(32)::int % 1000 between $3 and $4`,
        [localTime, zone, index * PEAK_SHARE * 1000, (index + 1) * PEAK_SHARE * 1000 - 1],
      );
    }
  }
  await db.query('analyze');

  /** The clients due in a minute, by the schedule's own rule (what should arrive). */
  const expectedFor = async (minute: Date): Promise<Set<string>> => {
    const due = new Set<string>();
    for (const zone of ZONES) {
      const times = slotsFiringAt(minute, zone).map((s) => s.localTime);
      if (times.length === 0) continue;
      const { rows } = await db.query<{ id: string }>(
        `select r.client_id as id from reminder_settings r join users u on u.id = r.client_id where u.time_zone = $1 and r.checkin_times && $2::text[]`,
        [zone, times],
      );
      rows.forEach((r) => due.add(r.id));
    }
    return due;
  };
  const expected = [await expectedFor(first), await expectedFor(second)] as const;

  for (let i = 0; i < workerCount; i++) startWorker();
  log(
    `${workerCount} workers started; first measured minute ${first.toISOString()} (${expected[0].size} due), second ${second.toISOString()} (${expected[1].size} due).`,
  );

  const arrived = (due: Set<string>) => [...due].filter((id) => receipts.has(id)).length;
  /** What the database recorded for the minute: a due client without an accepted row was missed there. */
  const recorded = async (minute: Date, due: Set<string>) => {
    const { rows } = await db.query<{ clientId: string; status: string; attempts: number }>(
      `select client_id as "clientId", status, attempts from notifications where kind = 'checkin' and due_at = $1`,
      [minute],
    );
    const accepted = new Set(rows.filter((r) => r.status === 'accepted').map((r) => r.clientId));
    return {
      rows: rows.length,
      accepted: accepted.size,
      missed: [...due].filter((id) => !accepted.has(id)).length,
      // Claimed by a worker that died before recording them, then taken over by another.
      retaken: rows.filter((r) => r.attempts > 1).length,
    };
  };
  const measure = async (minute: Date, due: Set<string>, onProgress?: (share: number) => Promise<void>) => {
    const deadline = minute.getTime() + 5 * 60_000;
    while (Date.now() < deadline && arrived(due) < due.size) {
      await onProgress?.(arrived(due) / due.size);
      await sleep(100);
    }
    // Let late duplicates (a retried send) show up before counting.
    await sleep(5_000);
    const times = [...due].flatMap(
      (id) =>
        receipts
          .get(id)
          ?.slice(0, 1)
          .map((r) => r.at) ?? [],
    );
    const last = times.length > 0 ? Math.max(...times) : Date.now();
    return {
      peakMinuteDue: due.size,
      dispatchSeconds: Math.round(((last - minute.getTime()) / 1000) * 10) / 10,
      // Two different notifications for one client's one reminder: the device would show both.
      duplicates: [...due].filter((id) => new Set(receipts.get(id)?.map((r) => r.topic)).size > 1).length,
      // The same notification sent again (its first send's outcome died with a worker): the
      // device shows it once (public/sw.js, e2e/push-device.spec.ts), but the push service
      // carried it twice.
      resentCopies: [...due].filter((id) => (receipts.get(id)?.length ?? 0) > new Set(receipts.get(id)?.map((r) => r.topic)).size).length,
      missed: due.size - arrived(due),
      database: await recorded(minute, due),
    };
  };

  const plain = await measure(first, expected[0]);
  log(`First minute: ${JSON.stringify(plain)}`);
  let kill: { atShareDelivered: number; signal: string | null } | null = null;
  const withKill = await measure(second, expected[1], async (share) => {
    if (kill !== null || share < 0.3) return;
    // One worker, while it holds sends it claimed: all of them share every minute's sends.
    const victim = workers.find((w) => w.exitCode === null && w.signalCode === null)!;
    const exited = new Promise<string | null>((resolve) => victim.once('exit', (_code, signal) => resolve(signal)));
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from notifications where status = 'sending'`);
    victim.kill('SIGKILL');
    kill = { atShareDelivered: Math.round(share * 1000) / 1000, signal: await exited };
    startWorker();
    log(
      `Killed worker ${victim.pid} (${kill.signal}) with ${Math.round(share * 100)}% delivered and ${rows[0]!.n} sends claimed by the workers; started a new one.`,
    );
  });
  log(`Second minute, a worker killed mid-dispatch: ${JSON.stringify(withKill)}`);
  const result = { clients: clientCount, workers: workerCount, ...plain, killedWorkerRun: { ...withKill, kill } };
  console.log(JSON.stringify(result, null, asJson ? 0 : 2));
} finally {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGTERM');
  await sleep(2_000);
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await db.end().catch(() => undefined);
  sink.close();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`drop database if exists ${dbName} with (force)`);
  await cleanup.end();
}
