import { closeDatabase } from '@/db';
import { DataDirInUseError } from '@/db/owner-lock';
import { listOutreachClinics, previewDueReminders } from '@/lib/dal/outreach-worker';

// `npm run reminders:due -- --at <ISO instant> [--json]`: what the queue would send in the minute
// that starts at that instant, without sending or recording anything. Works on DATABASE_URL, and
// on the embedded database when no server holds it.
const USAGE = 'usage: npm run reminders:due -- --at <ISO instant, e.g. 2026-11-30T20:00:00Z> [--json]';

const args = process.argv.slice(2);
const atIndex = args.indexOf('--at');
const atText = atIndex >= 0 ? args[atIndex + 1] : undefined;
const at = atText && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(atText) ? new Date(atText) : null;
if (!at || Number.isNaN(at.getTime())) {
  console.error(atText ? `--at must be an ISO instant with its offset, like 2026-11-30T20:00:00Z, not "${atText}"` : USAGE);
  process.exit(2);
}
const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);

try {
  const due = [];
  for (const { clinicId } of await listOutreachClinics()) due.push(...(await previewDueReminders({ clinicId, at: minute })));
  const rows = due.map((d) => ({
    clientEmail: d.clientEmail,
    kind: d.kind,
    channel: d.channel,
    localTime: d.localTime,
    timeZone: d.timeZone,
  }));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ at: minute.toISOString(), due: rows }));
  } else if (rows.length === 0) {
    console.log(`Nothing is due in the minute starting ${minute.toISOString()}.`);
  } else {
    console.log(`Due in the minute starting ${minute.toISOString()}:`);
    for (const r of rows)
      console.log(`  ${r.localTime} ${r.timeZone.padEnd(20)} ${r.kind.padEnd(8)} ${r.channel.padEnd(7)} ${r.clientEmail}`);
  }
} catch (error) {
  if (error instanceof DataDirInUseError) {
    console.error(`${error.message}\nStop the server first, or ask it: the server sends these itself.`);
    process.exit(1);
  }
  throw error;
} finally {
  await closeDatabase();
}
