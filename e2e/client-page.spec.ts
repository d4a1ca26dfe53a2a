import { signInByEmail } from './fixtures/people';
import { expect, signInAs, test } from './fixtures/demo';
import { ClientPage, userIdOf } from './pages/client-page';
import { SharingPage } from './pages/sharing-page';

// Riley's decline signal is accepted in e2e/therapist-journey.spec.ts. Noor Haddad (noor@) is used
// for the revocation, and shares check-ins again at the end: no other spec reads her.

test('after the client stops sharing check-ins, the therapist’s next request shows none of them', async ({ page, browser }) => {
  const noorContext = await browser.newContext();
  const noorPage = await noorContext.newPage();
  await signInByEmail(noorPage, 'noor@demo.tandem.test', /\/check-in$/);
  const noorId = ((await (await noorPage.request.get('/api/auth/session')).json()) as { userId: string }).userId;

  await signInAs(page, 'therapist');
  const client = new ClientPage(page);
  await client.open(noorId, 'Noor Haddad');
  await expect(client.timelineSummary()).toContainText('Mood was logged on');
  await expect(client.checkInNotes()).not.toContainText('Not shared with you');

  const sharing = new SharingPage(noorPage);
  await sharing.goto();
  await sharing.stopSharing('Sam Rivera', 'Check-ins');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Noor Haddad' })).toBeVisible();
  await expect(client.timelineSummary()).not.toContainText('Mood');
  await expect(client.timeline().locator('canvas')).not.toHaveAttribute('aria-label', /Mood/);
  await expect(client.checkInNotes()).toContainText('Not shared with you');

  await sharing.share('Sam Rivera', 'Check-ins');
  await noorContext.close();
});

test('a client who is not assigned to the therapist answers 404', async ({ page, browser }) => {
  const tessId = await userIdOf(browser, 'tess@demo.tandem.test', /\/(check-in|welcome)$/);
  await signInAs(page, 'therapist');
  const response = await page.goto(`/clients/${tessId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Client not found' })).toBeVisible();
  expect((await page.goto(`/clients/${tessId}/care-plan`))?.status()).toBe(404);
});

test('a therapist of another clinic gets 404 for every page about a client here', async ({ page, browser }) => {
  const rileyId = await userIdOf(browser, 'client@demo.tandem.test', /\/check-in$/);
  await signInByEmail(page, 'therapist@harbour.tandem.test', /\/caseload$/);
  for (const path of ['', '/care-plan', '/notes', '/notes/new']) {
    expect((await page.goto(`/clients/${rileyId}${path}`))?.status()).toBe(404);
    await expect(page.getByText('Riley')).toHaveCount(0);
  }
});

// Hana Kim (hana@) is this test's alone: her care plan starts empty.
test('the care plan keeps typed text on an error, saves versions, and will not overwrite a newer one', async ({ page, browser }) => {
  const hanaId = await userIdOf(browser, 'hana@demo.tandem.test', /\/check-in$/);
  await signInAs(page, 'therapist');
  await page.goto(`/clients/${hanaId}/care-plan`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hana Kim' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Edit the care plan' });
  await form.getByRole('button', { name: 'Add a goal' }).click();
  await form.getByRole('textbox', { name: 'Goal 1' }).fill('Sleep seven hours most nights');
  await form.getByRole('button', { name: 'Save the first version' }).click();
  await expect(form.getByRole('alert')).toContainText('Nothing was saved.');
  await expect(form.getByText('Describe the way this goal is measured.')).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Goal 1' })).toHaveValue('Sleep seven hours most nights');

  await form.getByRole('textbox', { name: 'Measured by' }).fill('Sleep hours in check-ins');
  // Three months from now: a plan's dates must fall within a year before and five after today.
  await form.getByLabel('Target date').fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Save the first version' }).click();
  await expect(form.getByRole('status')).toContainText('Saved as version 1.');
  await expect(page.getByRole('region', { name: 'Current plan' })).toContainText('Version 1, saved by Sam Rivera');

  const stale = await page.context().newPage();
  await stale.goto(`/clients/${hanaId}/care-plan`);
  await form.getByRole('button', { name: 'Add an intervention' }).click();
  await form.getByRole('textbox', { name: 'Intervention 1' }).fill('Sleep hygiene');
  await form.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(form.getByRole('status')).toContainText('Saved as version 2.');

  const staleForm = stale.getByRole('form', { name: 'Edit the care plan' });
  await staleForm.getByRole('textbox', { name: 'Goal 1' }).fill('Sleep eight hours');
  await staleForm.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(staleForm.getByRole('alert')).toContainText('saved a newer version');
  await expect(staleForm.getByRole('textbox', { name: 'Goal 1' })).toHaveValue('Sleep eight hours');
  await stale.close();
});

test('opening the caseload and a client page fetches nothing ahead for the links on them', async ({ page }) => {
  const prefetches: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetches.push(request.url());
  });
  await signInAs(page, 'therapist');
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Riley Chen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Riley Chen' })).toBeVisible();
  await page.mouse.wheel(0, 3000);
  await page.getByRole('link', { name: 'Notes', exact: true }).hover();
  await page.waitForLoadState('networkidle');
  expect(prefetches).toEqual([]);
});
