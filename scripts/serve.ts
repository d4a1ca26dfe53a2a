import { spawn } from 'node:child_process';
import { databaseKind, env } from '@/lib/env';

// `npm run dev` / `npm start`: on the embedded database, migrate and seed first (explicit steps,
// before the server owns the data folder), then run Next on PORT (default 3000).
const mode = process.argv[2] === 'start' ? 'start' : 'dev';

if (databaseKind === 'embedded') {
  const prepare = spawn(process.execPath, ['--import', 'tsx', 'db/cli.ts', 'prepare'], { stdio: 'inherit' });
  const code = await new Promise<number>((resolve) => prepare.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) process.exit(code);
} else {
  console.log('Using PostgreSQL from DATABASE_URL (run `npm run db:migrate` after pulling new code).');
}

const url = `http://localhost:${env.PORT}`;
const next = spawn('npx', ['next', mode, '--port', String(env.PORT)], {
  stdio: 'inherit',
  // next-auth builds its callback URLs from NEXTAUTH_URL.
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL || url },
});
console.log(`\nTandem is starting at ${url}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code) => process.exit(code ?? 0));
