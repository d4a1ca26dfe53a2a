import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, databaseKind } from '@/lib/env';
import { closeDatabase, getDatabase } from './index';
import { latestMigrationId, migrateDatabase } from './migrate';
import { DataDirInUseError } from './owner-lock';
import { demoLoginsText } from './seed/logins';
import { seedDemo } from './seed/seed-demo';

// Explicit, idempotent database steps: `npm run db:migrate | db:seed | db:reset`, and
// `prepare`, which `npm run dev` and `npm start` run on the embedded database first.
const commands: Record<string, () => Promise<void>> = {
  async migrate() {
    await migrateDatabase(getDatabase());
    console.log(`Migrated the ${databaseKind} database to ${latestMigrationId}.`);
  },
  async seed() {
    const result = await seedDemo(getDatabase());
    console.log(result.seeded ? `Seeded the demo clinics (as of ${result.today}).` : 'The demo clinics are already there.');
    if (result.seeded) await computeDemoInsights();
    console.log(demoLoginsText());
  },
  async prepare() {
    await commands.migrate?.();
    await commands.seed?.();
  },
  async reset() {
    if (databaseKind === 'postgres' || !dataDir) {
      throw new Error('db:reset only starts over the embedded database. With DATABASE_URL set, drop and recreate that database yourself.');
    }
    // Taking the lock first refuses to delete a folder a running Tandem is using.
    getDatabase();
    await closeDatabase();
    fs.rmSync(path.join(dataDir, 'pglite'), { recursive: true, force: true });
    console.log(`Removed the embedded database in ${dataDir}.`);
    await commands.prepare?.();
  },
};

/**
 * The demo shows its signals from the first run. The recompute goes through the DAL, which only
 * loads under the react-server condition, so it runs as its own process once this one has let go
 * of the embedded database.
 */
async function computeDemoInsights(): Promise<void> {
  await closeDatabase();
  const started = performance.now();
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/insights/recompute.ts', '--quiet'], {
    stdio: 'inherit',
  });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error('computing the demo insights failed; run `npm run insights:recompute` to retry');
  console.log(`Computed the demo insights in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
  console.error(`Usage: tsx db/cli.ts <${Object.keys(commands).join('|')}>`);
  process.exit(2);
}
try {
  await command();
} catch (error) {
  console.error(error instanceof DataDirInUseError ? error.message : `db:${name} failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
