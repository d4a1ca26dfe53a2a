import { closeDatabase } from '@/db';
import { startBackgroundWork } from '@/lib/dal/background';
import { databaseKind } from '@/lib/env';

// `npm run worker`: a background worker process for PostgreSQL (reminders, escalations, the
// nightly insight recompute). Run as many as wanted beside the web servers: each minute and each
// night is one job, taken by one of them.
if (databaseKind !== 'postgres') {
  console.error(
    'On the embedded database the server (npm run dev / npm start) runs background work itself: no separate worker is needed, and a second process may not open that database.',
  );
  process.exit(2);
}

const work = await startBackgroundWork();
console.log(`Tandem worker ${process.pid} is taking background jobs from PostgreSQL.`);
let isStopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    console.log('Finishing the jobs in hand, then stopping…');
    void work
      .stop()
      .then(() => closeDatabase())
      .finally(() => process.exit(0));
  });
}
