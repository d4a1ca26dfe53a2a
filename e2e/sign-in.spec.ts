import fs from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { E2E_DATA_DIR, E2E_PORT } from '../playwright.config';
import { demo, DEMO_PASSWORD, expect, signInAs, test, type DemoRole } from './fixtures/demo';

for (const role of Object.keys(demo) as DemoRole[]) {
  test(`the demo ${role} signs in and lands on their home`, async ({ page }) => {
    await signInAs(page, role);
  });
}

test('the therapist’s home lists their clients and what each shares', async ({ page }) => {
  await signInAs(page, 'therapist');
  const riley = page.getByRole('row', { name: /Riley Chen/ });
  const farah = page.getByRole('row', { name: /Farah Aziz/ });
  for (const scope of ['Check-ins', 'Journal', 'Questionnaires']) {
    await expect(riley.getByRole('img', { name: `${scope}: shared`, exact: true })).toBeVisible();
    await expect(farah.getByRole('img', { name: `${scope}: not shared`, exact: true })).toBeVisible();
  }
  await expect(page.getByText('Vic Stone')).toHaveCount(0);
});

test('a wrong password shows a clear error and keeps the email typed', async ({ page, signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn(demo.client.email, 'not-the-password');
  await expect(signInPage.error()).toHaveText(/do not match an account/);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel('Email')).toHaveValue(demo.client.email);
});

test('an unknown email gets the same answer as a wrong password', async ({ signInPage }) => {
  await signInPage.goto();
  await signInPage.signIn('nobody@demo.tandem.test', DEMO_PASSWORD);
  await expect(signInPage.error()).toHaveText(/do not match an account/);
});

test('a client cannot open a therapist or admin page: 404', async ({ page }) => {
  await signInAs(page, 'client');
  for (const url of ['/caseload', '/clinic']) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('signing out ends the session', async ({ page, signInPage }) => {
  await signInAs(page, 'therapist');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await expect(signInPage.notice()).toHaveText('You have signed out.');
  await page.goto('/caseload');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('"sign out everywhere" ends the person’s other sessions at once', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const [a, b] = [await first.newPage(), await second.newPage()];
  await signInAs(a, 'admin');
  await signInAs(b, 'admin');
  await a.goto('/account');
  await a.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(a).toHaveURL(/\/sign-in\?reason=signed-out$/);
  await b.goto('/clinic');
  await expect(b).toHaveURL(/\/sign-in\?reason=expired$/);
  await expect(b.getByRole('status')).toHaveText('Your session has ended. Please sign in again.');
  await first.close();
  await second.close();
});

test('a session older than 12 hours has ended, with a clear message', async ({ page, context }) => {
  const secrets = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'dev-secrets.json'), 'utf8')) as { authSecret: string };
  await signInAs(page, 'client');
  const current = (await context.cookies()).find((c) => c.name === 'next-auth.session-token');
  expect(current).toBeDefined();
  const session = await page.request.get('/api/auth/session').then((r) => r.json());
  const thirteenHoursAgo = Math.floor(Date.now() / 1000) - 13 * 60 * 60;
  const token = await encode({
    secret: secrets.authSecret,
    token: {
      userId: session.userId,
      clinicId: session.clinicId,
      role: session.role,
      sessionVersion: session.sessionVersion,
      authTime: thirteenHoursAgo,
    },
  });
  await context.addCookies([{ name: 'next-auth.session-token', value: token, url: `http://localhost:${E2E_PORT}` }]);
  await page.goto('/check-in');
  await expect(page).toHaveURL(/\/sign-in\?reason=expired$/);
  await expect(page.getByRole('status')).toHaveText('Your session has ended. Please sign in again.');
});

test('the health check reports the embedded database, its migration and the queue', async ({ request }) => {
  const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: { tag: string }[] };
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ok',
    database: 'embedded',
    migration: journal.entries.at(-1)?.tag,
    queue: { state: 'ok', oldestDueSeconds: expect.any(Number) },
  });
});
