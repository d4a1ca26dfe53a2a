import fs from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { InvitePage } from './pages/admin-pages';
import { expect, signInAs, test, type DemoRole } from './fixtures/demo';
import { seededUserId } from './fixtures/seeded-ids';

// The pages of each role that hold the most: every one must load with no Content-Security-Policy
// violation and without a single request to a host other than Tandem's own.
const pagesOf: Record<DemoRole, string[]> = {
  client: ['/check-in', '/history', '/measures', '/journal', '/sharing', '/access-log', '/settings', '/summary', '/support'],
  therapist: [
    '/caseload',
    `/clients/${seededUserId('client@demo.tandem.test')}`,
    '/alerts',
    `/report/${seededUserId('client@demo.tandem.test')}`,
  ],
  admin: ['/clinic', '/people', '/caseloads', '/audit', '/clinic/settings'],
};

/** Records CSP violations (the browser's report event and its console message) and requests to other hosts. */
async function watch(page: Page, baseURL: string) {
  const problems: string[] = [];
  const own = new URL(baseURL).host;
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host !== own)
      problems.push(`${page.url()}: request to ${r.url()}`);
  });
  return problems;
}

for (const role of ['client', 'therapist', 'admin'] as const) {
  test(`the ${role}'s pages load under the content security policy and talk only to Tandem`, async ({ page, baseURL }) => {
    const problems = await watch(page, baseURL!);
    await signInAs(page, role);
    for (const path of pagesOf[role]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState('networkidle');
      const headers = response!.headers();
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers['cache-control'], path).toContain('no-store');
    }
    expect(problems).toEqual([]);
  });
}

test('a server action whose Origin is not the forwarded host is refused with 403, not a 500', async ({ page }) => {
  await signInAs(page, 'admin');
  const failures: number[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) failures.push(r.status());
  });
  await page.setExtraHTTPHeaders({ 'x-forwarded-host': 'evil.example' });
  await page.goto('/people/invite');
  await page.getByLabel('Email').fill(`refused-${Date.now()}@demo.tandem.test`);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  expect((await answer).status()).toBe(403);
  expect(failures).toEqual([]);
});

test('pages carry a fresh nonce on every script and forbid framing, plugins and other bases', async ({ page }) => {
  const first = await page.goto('/sign-in');
  const csp = first!.headers()['content-security-policy']!;
  for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"])
    expect(csp).toContain(directive);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  const second = await page.goto('/sign-in');
  expect(/'nonce-([^']+)'/.exec(second!.headers()['content-security-policy']!)![1]).not.toBe(nonce);
  // HSTS only where Tandem's address is https (this test server is http).
  expect(first!.headers()['strict-transport-security']).toBeUndefined();
});

test('route handlers that return clinical data are not cached', async ({ page }) => {
  await signInAs(page, 'client');
  const exported = await page.request.get('/api/me/export?format=json');
  expect(exported.status()).toBe(200);
  expect(exported.headers()['cache-control']).toContain('no-store');
});

test('an invitation link comes from Tandem’s own address, whatever the forwarding headers claim', async ({ page, baseURL }) => {
  await signInAs(page, 'admin');
  // Next refuses an action whose Origin differs from X-Forwarded-Host, so the claim here is the
  // scheme: links used to follow X-Forwarded-Proto; NEXTAUTH_URL (http here) decides now.
  await page.setExtraHTTPHeaders({ 'x-forwarded-proto': 'https' });
  await new InvitePage(page).invite(`forwarded-${Date.now()}@demo.tandem.test`, 'Therapist');
  await expect(new InvitePage(page).shownLink()).toHaveValue(new RegExp(`^${baseURL}/invite/`));
});

test('the admin downloads signed checkpoints and verifies the log against the file', async ({ page }, testInfo) => {
  await signInAs(page, 'admin');
  await page.goto('/audit');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download signed checkpoints' }).click();
  const file = testInfo.outputPath('checkpoints.json');
  await (await download).saveAs(file);
  const kept = JSON.parse(await fs.readFile(file, 'utf8')) as { format: string; checkpoints: unknown[] };
  expect(kept.format).toBe('tandem-audit-checkpoints/1');
  expect(kept.checkpoints.length).toBeGreaterThan(0);

  await page.getByLabel('Checkpoint file you kept (optional)').setInputFiles(file);
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByText(/The audit log is intact: all \d+ events check out\. They match all \d+ signed checkpoints/)).toBeVisible();

  await page
    .getByLabel('Checkpoint file you kept (optional)')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByText('That file is not a Tandem checkpoint file (it is not JSON).')).toBeVisible();
});
