import { spawnSync } from 'node:child_process';
import { E2E_DATA_DIR } from '../playwright.config';
import { expect, test } from './fixtures/demo';

test('a second Tandem on the same data folder refuses to open it, with a clear message', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const second = spawnSync('npx', ['tsx', 'db/cli.ts', 'migrate'], {
    env: { ...process.env, DATABASE_URL: '', TANDEM_DATA_DIR: E2E_DATA_DIR },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toMatch(/Another Tandem process \(pid \d+\) is already using the embedded database/);
  expect((await request.get('/api/health')).status()).toBe(200);
});
