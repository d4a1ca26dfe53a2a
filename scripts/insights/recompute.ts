import { closeDatabase } from '@/db';
import { DataDirInUseError } from '@/db/owner-lock';
import { findClinicForRecompute, listClinicsForRecompute, recomputeClinicInsights, type ClinicRecomputeSummary } from '@/lib/dal/insights';

// `npm run insights:recompute [-- --clinic <id>] [--as-of YYYY-MM-DD]`: recomputes and stores the
// insights of every client, each client in its own transaction, so stopping it midway loses at
// most the client in progress and running it again is always safe (it upserts by key).
const USAGE = 'usage: npm run insights:recompute [-- --clinic <clinic id>] [--as-of YYYY-MM-DD] [--quiet]';

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) {
    console.error(USAGE);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const clinicArg = option(args, '--clinic');
  const asOf = option(args, '--as-of');
  const quiet = args.includes('--quiet');
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    console.error(`--as-of must be a date like 2026-11-26, not "${asOf}"`);
    process.exit(2);
  }
  if (clinicArg && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clinicArg)) {
    console.error(`--clinic must be a clinic id (a UUID), not "${clinicArg}"`);
    process.exit(2);
  }
  const found = clinicArg ? await findClinicForRecompute({ clinicId: clinicArg }) : null;
  const chosen = clinicArg ? (found ? [found] : []) : await listClinicsForRecompute();
  if (chosen.length === 0) {
    console.error(
      clinicArg
        ? `No clinic with id ${clinicArg}.`
        : 'No clinics are visible to this database user: run it as the database owner (as for db:seed), or name one with --clinic <id>.',
    );
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const totals: Omit<ClinicRecomputeSummary, 'clinicId'> = { clients: 0, current: 0, opened: 0, updated: 0, closed: 0 };
  for (const clinic of chosen) {
    if (!quiet) console.log(`${clinic.name} (${clinic.id})`);
    const summary = await recomputeClinicInsights({
      clinicId: clinic.id,
      asOf,
      onClient: quiet
        ? undefined
        : (r, i, n) =>
            console.log(
              `  ${String(i + 1).padStart(String(n).length)}/${n} ${r.clientId} as of ${r.asOf}: ${r.current} current (${r.opened} new), ${r.closed} closed`,
            ),
    });
    for (const k of ['clients', 'current', 'opened', 'updated', 'closed'] as const) totals[k] += summary[k];
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Recomputed ${totals.clients} clients in ${chosen.length} clinic${chosen.length === 1 ? '' : 's'} in ${seconds} s: ` +
      `${totals.current} current insights (${totals.opened} new, ${totals.updated} updated), ${totals.closed} closed.`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error instanceof DataDirInUseError ? error.message : `insights:recompute failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
