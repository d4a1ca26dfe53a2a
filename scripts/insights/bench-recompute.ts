import { performance } from 'node:perf_hooks';
import { toIsoDate } from '@/lib/insights/dates';
import { Random } from './random';
import { generateClient } from './synthetic';

// `npm run bench:recompute [-- --json]`: what storing a client's insights costs on the request
// path — load, compute, upsert, close, audit, one transaction — on the embedded database (PGlite,
// in memory), for clients with a year of check-ins and fortnightly PHQ-9 and GAD-7.
delete process.env.DATABASE_URL;
process.env.TANDEM_DATA_DIR = 'memory://';

const CLIENTS = 20;
const DAYS = 365;
const ROUNDS = 3;

const { closeDatabase, getDatabase } = await import('@/db');
const { migrateDatabase } = await import('@/db/migrate');
const { addCheckIn, addCheckIns, addMeasureResponse, createClinic, createPerson } = await import('@/lib/testing/factories');
const { recomputeClientInsights } = await import('@/lib/dal/insights');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: Number(percentile(sorted, 0.5).toFixed(1)), p95: Number(percentile(sorted, 0.95).toFixed(1)) };
};

try {
  await migrateDatabase(getDatabase());
  const clinicId = await createClinic('Bench clinic');
  const clients: { actor: Awaited<ReturnType<typeof createPerson>>; lastDay: number }[] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const actor = await createPerson(clinicId, 'client');
    const history = generateClient(700_000 + i, DAYS, null);
    await addCheckIns(
      actor,
      history.checkIns.map((c) => ({ localDate: c.localDate, mood: c.mood })),
    );
    const random = new Random(700_100 + i);
    for (let t = 0; t < DAYS; t += 14) {
      const date = toIsoDate(history.firstDay + t);
      await addMeasureResponse(
        actor,
        'phq9',
        Array.from({ length: 9 }, () => random.integer(0, 2)),
        date,
      );
      await addMeasureResponse(
        actor,
        'gad7',
        Array.from({ length: 7 }, () => random.integer(0, 2)),
        date,
      );
    }
    clients.push({ actor, lastDay: history.firstDay + DAYS - 1 });
  }

  const first: number[] = [];
  for (const { actor, lastDay } of clients) {
    const start = performance.now();
    await recomputeClientInsights({ clinicId, clientId: actor.userId, asOf: toIsoDate(lastDay) });
    first.push(performance.now() - start);
  }
  // The request-path case: a new check-in, then the recompute that follows it.
  const afterCheckIn: number[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const { actor, lastDay } of clients) {
      const day = toIsoDate(lastDay + round);
      await addCheckIn(actor, day, 5);
      const start = performance.now();
      await recomputeClientInsights({ clinicId, clientId: actor.userId, asOf: day });
      afterCheckIn.push(performance.now() - start);
    }
  }
  const result = { firstRecomputeMs: summary(first), afterCheckInMs: summary(afterCheckIn) };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    console.log(
      `recomputeClientInsights on embedded PGlite (in memory), ${CLIENTS} clients with ${DAYS} days of check-ins and fortnightly PHQ-9 and GAD-7:`,
    );
    console.log(`first recompute (all insights new): median ${result.firstRecomputeMs.median} ms, p95 ${result.firstRecomputeMs.p95} ms`);
    console.log(
      `after a new check-in (${afterCheckIn.length} runs): median ${result.afterCheckInMs.median} ms, p95 ${result.afterCheckInMs.p95} ms`,
    );
  }
} finally {
  await closeDatabase();
}
