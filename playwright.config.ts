import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Playwright cannot download its browsers on every machine: use PLAYWRIGHT_CHROMIUM_PATH (which
// `npm test` sets to the system Chromium or Chrome it finds), else Debian's chromium where it is
// installed, else Playwright's own browser (`npm test` installs it when downloads are allowed).
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// E2E_PORT lets two checkouts run their end-to-end tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const E2E_DATA_DIR = '.data/e2e';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // A production build on a fresh embedded database, whatever DATABASE_URL says.
  webServer: {
    command: `npx tsx db/cli.ts reset && npx next start --port ${E2E_PORT}`,
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      DATABASE_URL: '',
      TANDEM_DATA_DIR: E2E_DATA_DIR,
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
