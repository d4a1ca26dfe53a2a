import 'server-only';
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import { createQueue } from '@/db/queue';
import { minuteStart, slotsFiringAt } from '@/lib/outreach/schedule';
import { recomputeClinicInsights } from './insights';
import { listOutreachClinics, readLastMinuteDone, recordMinute, sendAllDue } from './outreach-worker';

// Background work on the job queue (docs/design.md §8–9): every minute's outreach, and each clinic's
// nightly insight recompute at 02:00 its time. Jobs carry ids and times only, never content. A
// minute's job only records what is due (quick, once); sending is shared by every worker process,
// which polls the notifications table itself for rows to claim.

export const DISPATCH = 'outreach-dispatch';
export const NIGHTLY = 'insights-nightly';
const NIGHTLY_LOCAL_TIME = '02:00';
/** How often each worker process looks for minutes to hand out (jobs are deduplicated by id), besides at each minute's start. */
const TICK_MS = 5_000;
/** How often each worker process looks for notifications to send. */
const SEND_POLL_MS = 1_000;
/** After an outage, minutes older than this are not caught up (a reminder an hour late is noise). */
const CATCH_UP_MINUTES = 60;

/** The same job id from every process for the same minute or night: pg-boss keeps only the first. */
function jobId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/** Queues the dispatch of every minute not yet done (up to now), and any clinic's nightly run due in them. */
export async function queueDueMinutes(boss: PgBoss, now: Date = new Date()): Promise<number> {
  const current = minuteStart(now).getTime();
  const last = await readLastMinuteDone();
  const from = last ? Math.max(last.getTime() + 60_000, current - CATCH_UP_MINUTES * 60_000) : current;
  const clinics = await listOutreachClinics();
  let queued = 0;
  for (let ms = from; ms <= current; ms += 60_000) {
    const at = new Date(ms).toISOString();
    // Recording a minute takes seconds; one not finished after 30 s (its worker died) is handed to
    // another worker. Recording is idempotent, so a slow first one running on does no harm.
    if (await boss.send(DISPATCH, { at }, { id: jobId(`dispatch:${at}`), retryLimit: 5, retryDelay: 1, expireInSeconds: 30 })) queued++;
    for (const clinic of clinics) {
      const night = slotsFiringAt(new Date(ms), clinic.timeZone).find((s) => s.localTime === NIGHTLY_LOCAL_TIME);
      if (night) {
        await boss.send(
          NIGHTLY,
          { clinicId: clinic.clinicId, localDate: night.localDate },
          { id: jobId(`nightly:${clinic.clinicId}:${night.localDate}`), retryLimit: 3, expireInSeconds: 60 * 60 },
        );
      }
    }
  }
  return queued;
}

/** The nightly job: every client's insights, so silence becomes a stored signal without new writes. */
export async function runNightlyJob(data: { clinicId: string; localDate: string }) {
  return recomputeClinicInsights({ clinicId: data.clinicId });
}

/** Creates the queues background work uses (idempotent). */
export async function createQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(DISPATCH);
  await boss.createQueue(NIGHTLY);
}

export type BackgroundWork = { boss: PgBoss; stop: () => Promise<void> };

/**
 * Starts a worker: a pg-boss instance that takes dispatch and nightly jobs, and a tick that hands
 * out the minutes. Any number may run at once (the web server on the embedded database, or as
 * many `npm run worker` processes as wanted on PostgreSQL).
 */
export async function startBackgroundWork({ log = console.log }: { log?: (line: string) => void } = {}): Promise<BackgroundWork> {
  const boss = createQueue({ supervise: true, schedule: false });
  await boss.start();
  // Workers starting together may deadlock creating the same queue: one gives way and retries.
  for (let attempt = 1; ; attempt++) {
    try {
      await createQueues(boss);
      break;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt + Math.random() * 250));
    }
  }
  let isStopping = false;
  // This process's sender: one pass at a time, sending everything due now in every clinic.
  let sending: Promise<void> | null = null;
  const send = () => {
    const started = Date.now();
    sending ??= sendAllDue()
      .then((sent) => {
        if (sent > 0) log(`[outreach] ${sent} sent in ${seconds(started)} s`);
      })
      .catch((error: unknown) => console.error('[outreach] sending failed:', (error as Error).message))
      .finally(() => {
        sending = null;
      });
  };
  await boss.work<{ at: string }>(DISPATCH, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const started = Date.now();
    const summary = await recordMinute({ at: new Date(job.data.at), now: new Date() });
    if (summary.recorded + summary.escalations > 0) {
      log(`[outreach] ${summary.minute}: ${summary.recorded} due, ${summary.escalations} escalations, recorded in ${seconds(started)} s`);
      send();
    }
  });
  await boss.work<{ clinicId: string; localDate: string }>(NIGHTLY, { pollingIntervalSeconds: 10, batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const summary = await runNightlyJob(job.data);
    log(`[insights] nightly recompute for ${job.data.localDate}: ${summary.clients} clients, ${summary.opened} new signals`);
  });
  let isTicking = false;
  const tick = async () => {
    if (isTicking) return;
    isTicking = true;
    try {
      await queueDueMinutes(boss);
    } catch (error) {
      console.error('[outreach] could not queue the minute:', (error as Error).message);
    } finally {
      isTicking = false;
    }
  };
  // Every TICK_MS, and just after each minute starts, so a minute's reminders are recorded at once.
  let ticker: NodeJS.Timeout | undefined;
  const scheduleTick = () => {
    if (isStopping) return;
    const untilNextMinute = 60_000 - (Date.now() % 60_000) + 20;
    ticker = setTimeout(() => void tick().finally(scheduleTick), Math.min(TICK_MS, untilNextMinute));
  };
  await tick();
  scheduleTick();
  const sender = setInterval(send, SEND_POLL_MS);
  return {
    boss,
    stop: async () => {
      isStopping = true;
      clearTimeout(ticker);
      clearInterval(sender);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
      await sending;
    },
  };
}

/**
 * Where background work runs: in the web server on the embedded database (it alone may open the
 * data folder), in `npm run worker` processes on PostgreSQL; TANDEM_INLINE_WORKER overrides.
 */
export function runsWorkerInServer(databaseKind: 'embedded' | 'postgres', setting: 'on' | 'off' | undefined): boolean {
  return setting ? setting === 'on' : databaseKind === 'embedded';
}
